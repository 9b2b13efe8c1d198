import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { generateAll } from '@archgen/export';
import { importCloudFormation } from '../index.ts';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, prod]
    Default: dev
  KeyName:
    Type: String
  Password:
    Type: String
    NoEcho: true
  Unused:
    Type: String
    Default: nobody uses me
Mappings:
  RegionAmi:
    us-east-1: { ami: ami-0123456789abcdef0 }
    eu-west-1: { ami: ami-0fedcba9876543210 }
  UnusedMap:
    a: { b: c }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  HasKey: !And [!Condition IsProd, !Not [!Equals [!Ref KeyName, '']]]
  NeverUsed: !Equals [a, b]
Resources:
  AmiParameter:
    Type: AWS::SSM::Parameter
    Condition: HasKey
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      Name: !Sub '/app/\${Stage}/ami'
      Type: String
      Value: !FindInMap [RegionAmi, !Ref 'AWS::Region', ami]
      Description: !Sub 'key \${KeyName}, secret length \${Password}'
  Orders:
    Type: AWS::SQS::Queue
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
Outputs:
  AmiParameterName:
    Condition: HasKey
    Value: !Ref AmiParameter
    Export:
      Name: !Sub '\${AWS::StackName}-ami-parameter'
  OrdersArn:
    Description: The orders queue
    Value: !GetAtt Orders.Arn
  VpcId:
    Value: !Ref Network
`;

const importIt = (text: string, path = 'template.yaml') =>
  importCloudFormation([{ path, text }], { parameters: { KeyName: 'ops-key', Password: 'hunter2' } });

describe('Parameters, Mappings, Conditions and Outputs kept as written', () => {
  const first = importIt(TEMPLATE);

  it('keeps what kept resources and kept outputs use, closed over conditions, and says what it left out', () => {
    const kept = first.design.keptTemplate!;
    expect(Object.keys(kept.parameters!)).toEqual(['KeyName', 'Password', 'Stage']);
    // A value given at import becomes the Default; a NoEcho one is never written into the design.
    expect(kept.parameters!.KeyName).toEqual({ Type: 'String', Default: 'ops-key' });
    expect(kept.parameters!.Password).toEqual({ Type: 'String', NoEcho: true });
    expect(JSON.stringify(first.design)).not.toContain('hunter2');
    expect(Object.keys(kept.mappings!)).toEqual(['RegionAmi']);
    expect(Object.keys(kept.conditions!)).toEqual(['HasKey', 'IsProd']);
    expect(Object.keys(kept.outputs!)).toEqual(['AmiParameterName', 'OrdersArn']);
    expect(first.report.problems.map((p) => p.message)).toContain(
      'Output VpcId is not kept: it names Network, which the export does not keep under the same logical id',
    );
    const parameter = first.design.nodes.find((n) => n.logicalIds?.self === 'AmiParameter')!;
    expect(parameter.properties.cloudFormationAttributes).toEqual({
      Condition: 'HasKey',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    const parsed = parseDesign(JSON.parse(JSON.stringify(first.design)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('exports them back to CloudFormation, and a re-import gives the same sections and attributes', () => {
    const files = generateAll(first.design, { targets: ['cloudformation'] }).cloudformation!;
    const template = files['template.yaml']!;
    expect(template).toMatch(
      /^ {2}AmiParameter:\n {4}Type: AWS::SSM::Parameter\n {4}Condition: HasKey\n {4}DeletionPolicy: Retain\n/m,
    );
    expect(template).toContain('!FindInMap');
    expect(template).not.toContain('NeverUsed');
    const prod = JSON.parse(files['parameters/prod.json']!) as Array<{
      ParameterKey: string;
      ParameterValue: string;
    }>;
    expect(prod.find((p) => p.ParameterKey === 'KeyName')?.ParameterValue).toBe('ops-key');

    const again = importIt(template);
    expect(again.design.keptTemplate).toEqual(first.design.keptTemplate);
    const attributes = (r: typeof first) =>
      r.design.nodes.find((n) => n.logicalIds?.self === 'AmiParameter')?.properties.cloudFormationAttributes;
    expect(attributes(again)).toEqual(attributes(first));
  });

  it('leaves out an output whose resource the design no longer has', () => {
    const design = structuredClone(first.design);
    design.nodes = design.nodes.filter((n) => n.logicalIds?.self !== 'Orders');
    const template = generateAll(design, { targets: ['cloudformation'] }).cloudformation!['template.yaml']!;
    expect(template).toContain('AmiParameterName:');
    expect(template).not.toContain('OrdersArn:');
  });
});
