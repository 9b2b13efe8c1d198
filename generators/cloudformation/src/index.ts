export { generateCloudFormation, buildTemplate, type CloudFormationOptions } from './generate.ts';
export { parseTemplate, printTemplate } from './template/yaml.ts';
export { deployCommands, regionsIn, stackStem } from './readme.ts';
export { utf8ByteLength } from './text.ts';
