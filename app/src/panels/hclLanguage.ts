import type { languages } from 'monaco-editor/editor/editor.api';

/** A small Monarch grammar for Terraform HCL: blocks, attributes, strings with ${} interpolation, heredocs. */
export const HCL_LANGUAGE_ID = 'hcl-archgen';

export const hclLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.hcl',
  keywords: [
    'resource',
    'data',
    'variable',
    'output',
    'locals',
    'module',
    'provider',
    'terraform',
    'for_each',
    'count',
    'depends_on',
    'lifecycle',
    'dynamic',
    'content',
    'for',
    'in',
    'if',
  ],
  constants: ['true', 'false', 'null'],
  operators: [
    '=',
    '==',
    '!=',
    '<',
    '>',
    '<=',
    '>=',
    '&&',
    '||',
    '!',
    '+',
    '-',
    '*',
    '/',
    '%',
    '?',
    ':',
    '=>',
  ],
  symbols: /[=><!~?:&|+\-*/^%]+/,
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/<<-?\s*([A-Z_]+)\s*$/, { token: 'string.heredoc', next: '@heredoc.$1' }],
      [/^\s*[a-zA-Z_][\w-]*(?=\s*=(?!=))/, 'variable'],
      [
        /[a-zA-Z_][\w-]*/,
        { cases: { '@keywords': 'keyword', '@constants': 'constant', '@default': 'identifier' } },
      ],
      [/\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/"/, 'string', '@string'],
      [/[{}()[\]]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/[,.]/, 'delimiter'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/\$\{/, { token: 'delimiter.bracket', next: '@interpolation' }],
      [/%\{/, { token: 'delimiter.bracket', next: '@interpolation' }],
      [/[^\\"$%]+/, 'string'],
      [/\\./, 'string.escape'],
      [/[$%]/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    interpolation: [[/\}/, { token: 'delimiter.bracket', next: '@pop' }], { include: 'root' }],
    heredoc: [
      [
        /^\s*([A-Z_]+)\s*$/,
        { cases: { '$1==$S2': { token: 'string.heredoc', next: '@pop' }, '@default': 'string' } },
      ],
      [/.*$/, 'string'],
    ],
  },
};

export const hclConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
};
