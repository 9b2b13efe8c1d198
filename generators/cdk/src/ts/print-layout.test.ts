/**
 * The printer decides layouts from measured widths instead of printing and re-scanning text;
 * these tests hold it to the printer it replaced (test-support/reference-print.ts), byte for
 * byte: on every module the example designs generate, and on random trees with hostile strings
 * whose widths land on every side of the line limits, at many indents.
 */
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { exampleDesigns } from '../../../../test-support/designs.ts';
import type { Expr, Stmt, TypeExpr } from './ast.ts';
import {
  arr,
  arrayType,
  arrow,
  asType,
  assign,
  binary,
  blank,
  call,
  comment,
  cond,
  constDecl,
  doc,
  exprStmt,
  forOf,
  id,
  ifStmt,
  index,
  lit,
  member,
  newExpr,
  obj,
  template,
  typeLit,
  typeRef,
  union,
} from './ast.ts';
import { printExpr, printModule } from './print.ts';
import * as reference from '../test-support/reference-print.ts';
import { appNames } from '../naming.ts';
import { buildStack } from '../stack.ts';
import { buildApp } from '../files/app.ts';
import { buildConfig } from '../files/config.ts';
import { seededRandom } from '../../../../test-support/random.ts';

const HOSTILE = ["'", '"', '\\', '`', '${', '\n', '\r', '\u2028', '\u2029', '\ud800', '🚀', '*/', '\t', 'é'];

class TreeMaker {
  private readonly made: Expr[] = [];
  constructor(private readonly next: () => number) {}

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  name(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let text = this.pick(['', '_', '$']) + this.pick([...letters]);
    for (let n = this.int(this.int(3) === 0 ? 30 : 10); n > 0; n--) text += this.pick([...letters, '0', '9']);
    return text;
  }

  text(): string {
    let text = '';
    for (let n = this.int(this.int(4) === 0 ? 60 : 14); n > 0; n--)
      text += this.int(6) === 0 ? this.pick(HOSTILE) : this.pick([...'abc XYZ-./:*0']);
    return text;
  }

  type(depth = 0): TypeExpr {
    switch (depth > 1 ? 0 : this.int(4)) {
      case 0:
        return typeRef(this.pick(['string', 'number', 'ec2.IVpc', 'Record']));
      case 1:
        return typeLit(this.pick([this.text(), 3, true]));
      case 2:
        return union([this.type(depth + 1), this.type(depth + 1)]);
      default:
        return arrayType(this.type(depth + 1));
    }
  }

  expr(depth: number): Expr {
    // Reuse an earlier subtree now and then: modules share expressions between statements.
    if (this.made.length && this.int(12) === 0) return this.pick(this.made);
    const made = this.fresh(depth);
    this.made.push(made);
    return made;
  }

  private list(depth: number, most: number): Expr[] {
    return Array.from({ length: this.int(most + 1) }, () => this.expr(depth + 1));
  }

  private fresh(depth: number): Expr {
    const leaf = depth >= 5 || this.int(depth + 2) === 0;
    if (leaf) {
      switch (this.int(6)) {
        case 0:
          return id(this.name());
        case 1:
          return lit(this.pick([0, -0, 42, 3.5, -7, 1e21, true, false, null, undefined]));
        default:
          return lit(this.text());
      }
    }
    switch (this.int(12)) {
      case 0:
        return member(this.expr(depth + 1), this.name());
      case 1:
        return index(this.expr(depth + 1), this.int(12));
      case 2:
        return call(
          this.int(3) ? member(id(this.name()), this.name()) : this.expr(depth + 1),
          ...this.list(depth, 4),
        );
      case 3:
        return newExpr(member(id(this.name()), this.name()), ...this.list(depth, 4));
      case 4:
        return obj(
          Array.from({ length: this.int(4) }, (): [string, Expr] => [
            this.int(3) ? this.name() : this.text(),
            this.expr(depth + 1),
          ]),
        );
      case 5: {
        const entries = Array.from({ length: 1 + this.int(2) }, () => ({
          key: this.name(),
          value: this.expr(depth + 1),
          ...(this.int(2) ? { comment: this.text() } : {}),
        }));
        return { kind: 'object', entries };
      }
      case 6:
        return arr(this.list(depth, 5));
      case 7:
        return cond(this.expr(depth + 1), this.expr(depth + 1), this.expr(depth + 1));
      case 8:
        return binary(this.pick(['===', '??', '||'] as const), this.expr(depth + 1), this.expr(depth + 1));
      case 9:
        return template(
          ...Array.from({ length: this.int(4) }, () => (this.int(2) ? this.text() : this.expr(depth + 1))),
        );
      case 10:
        return arrow(
          Array.from({ length: this.int(3) }, () => this.name()),
          this.expr(depth + 1),
        );
      default:
        return asType(this.expr(depth + 1), this.type());
    }
  }

  stmt(depth: number): Stmt {
    switch (this.int(depth > 1 ? 7 : 9)) {
      case 0:
        return constDecl(this.name(), this.expr(0));
      case 1:
        return exprStmt(this.expr(0));
      case 2:
        return assign(member(id(this.name()), this.name()), this.expr(0));
      case 3:
        return comment(this.text());
      case 4:
        return doc(this.text());
      case 5:
      case 6:
        return blank;
      case 7:
        return ifStmt(this.expr(1), this.stmts(depth + 1));
      default:
        return forOf(this.name(), this.expr(1), this.stmts(depth + 1));
    }
  }

  stmts(depth: number): Stmt[] {
    return Array.from({ length: this.int(6) }, () => this.stmt(depth));
  }
}

/** The reference printer is slow on purpose-built wide trees; leave room on a busy machine. */
const SLOW_TEST_TIMEOUT = 60_000;

const INDENTS = Array.from({ length: 36 }, (_, n) => ' '.repeat(2 * n));

describe('printer layouts', () => {
  it('match the reference printer on every module the example designs generate', () => {
    const designs = exampleDesigns();
    expect(designs.length).toBeGreaterThan(0);
    for (const design of designs) {
      const graph = lowerDesign(design.design);
      const names = appNames(graph.design.slug);
      const stack = buildStack(graph, names);
      const modules = [
        stack.statements,
        buildApp(graph, names),
        buildConfig(graph, stack.context.configEntries, stack.context.configModules),
      ];
      for (const statements of modules)
        expect(printModule(statements), design.name).toBe(reference.printModule(statements));
    }
  });

  it(
    'match the reference printer on random expressions at every indent',
    () => {
      let multiLine = 0;
      let oneLine = 0;
      for (let seed = 1; seed <= 800; seed++) {
        const maker = new TreeMaker(seededRandom(seed));
        const expr = maker.expr(0);
        for (const indent of INDENTS) {
          const printed = printExpr(expr, indent);
          expect(printed, `seed ${seed}, indent ${indent.length}`).toBe(reference.printExpr(expr, indent));
          if (printed.includes('\n')) multiLine++;
          else oneLine++;
        }
      }
      // The trees cover both sides of every limit.
      expect(multiLine).toBeGreaterThan(2500);
      expect(oneLine).toBeGreaterThan(2500);
    },
    SLOW_TEST_TIMEOUT,
  );

  it(
    'match the reference printer at the exact edges of every line limit',
    () => {
      const text = (n: number) => lit('x'.repeat(n));
      const shapes: ((a: number, b: number) => Expr)[] = [
        // a call whose last argument may hug, with a one-line or multi-line last argument
        (a, b) => call(member(id('fn'), 'go'), text(a), text(b)),
        (a, b) => newExpr(member(id('s3'), 'Bucket'), id('this'), text(a), call(id('f'), text(b))),
        (a, b) => call(id('fn'), text(a), obj({ key: text(b) })),
        // a callee that itself spans lines: its full length decides whether the arguments hug
        (a, b) => call(member(obj({ key: text(a) }), 'go'), text(b), obj({ k: lit(1) })),
        (a, b) => call(member(call(id('f'), obj({ k: text(a) })), 'go'), text(b), text(3)),
        (a, b) => arr([text(a), text(b)]),
        (a, b) => cond(id('flag'), text(a), cond(id('other'), text(b), text(2))),
        (a, b) => binary('??', cond(id('x'), text(a), id('y')), arr([text(b)])),
        (a, b) => template('/', text(a), '-', call(id('f'), text(b))),
      ];
      for (const shape of shapes)
        for (let a = 0; a <= 90; a += 6)
          for (let b = 0; b <= 90; b += 1) {
            const expr = shape(a, b);
            for (let indent = 0; indent <= 24; indent += 4)
              expect(printExpr(expr, ' '.repeat(indent)), `${a}, ${b}, indent ${indent}`).toBe(
                reference.printExpr(expr, ' '.repeat(indent)),
              );
          }
    },
    SLOW_TEST_TIMEOUT,
  );

  it('match the reference printer on expressions of thousands of nodes', () => {
    const maker = new TreeMaker(seededRandom(99));
    const huge = obj(
      Array.from({ length: 400 }, (_, i): [string, Expr] => [
        `key${i}`,
        arr([maker.expr(2), maker.expr(3), lit(i)]),
      ]),
    );
    expect(printModule([constDecl('huge', huge), exprStmt(call(id('use'), huge))])).toBe(
      reference.printModule([constDecl('huge', huge), exprStmt(call(id('use'), huge))]),
    );
  });

  it('match the reference printer on random modules', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const statements = new TreeMaker(seededRandom(seed)).stmts(0);
      expect(printModule(statements), `seed ${seed}`).toBe(reference.printModule(statements));
    }
  });
});
