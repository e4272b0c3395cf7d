/**
 * Parse-tree nodes (text/template/parse/node.go) and their String() forms, which appear in
 * execution errors as the "<...>" context.
 */
import { quote } from '../../go/quote.ts';
import { trimSpace } from '../../go/strings.ts';

interface Base {
  /** JS index of the node in the template source. */
  readonly pos: number;
}

export interface TextNode extends Base {
  readonly type: 'text';
  readonly text: string;
}
export interface CommentNode extends Base {
  readonly type: 'comment';
  readonly text: string;
}
export interface ListNode extends Base {
  readonly type: 'list';
  readonly nodes: Node[];
}
export interface PipeNode extends Base {
  readonly type: 'pipe';
  readonly line: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface ActionNode extends Base {
  readonly type: 'action';
  readonly line: number;
  readonly pipe: PipeNode;
}
export interface CommandNode extends Base {
  readonly type: 'command';
  readonly args: Node[];
}
export interface IdentifierNode extends Base {
  readonly type: 'identifier';
  readonly ident: string;
}
export interface VariableNode extends Base {
  readonly type: 'variable';
  readonly ident: string[];
}
export interface DotNode extends Base {
  readonly type: 'dot';
}
export interface NilNode extends Base {
  readonly type: 'nil';
}
export interface FieldNode extends Base {
  readonly type: 'field';
  readonly ident: string[];
}
export interface ChainNode extends Base {
  readonly type: 'chain';
  readonly node: Node;
  readonly field: string[];
}
export interface BoolNode extends Base {
  readonly type: 'bool';
  readonly value: boolean;
}
/** A numeric constant, stored under every Go type that can represent it (ideal constants). */
export interface NumberNode extends Base {
  readonly type: 'number';
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: { re: number; im: number };
  readonly text: string;
}
export interface StringNode extends Base {
  readonly type: 'string';
  readonly quoted: string;
  readonly text: string;
}
export interface EndNode extends Base {
  readonly type: 'end';
}
export interface ElseNode extends Base {
  readonly type: 'else';
  readonly line: number;
}
export interface BranchNode extends Base {
  readonly type: 'if' | 'range' | 'with';
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode extends Base {
  readonly type: 'template';
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | null;
}
export interface BreakNode extends Base {
  readonly type: 'break';
  readonly line: number;
}
export interface ContinueNode extends Base {
  readonly type: 'continue';
  readonly line: number;
}

export type Node =
  | TextNode
  | CommentNode
  | ListNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | TemplateNode
  | BreakNode
  | ContinueNode;

/** node.String() as Go writes it. */
export function nodeString(n: Node): string {
  const out: string[] = [];
  writeNode(n, out);
  return out.join('');
}

function writePipe(p: PipeNode, out: string[]): void {
  if (p.decl.length > 0) {
    p.decl.forEach((v, i) => {
      if (i > 0) out.push(', ');
      writeNode(v, out);
    });
    // Go writes " := " even for assignments.
    out.push(' := ');
  }
  p.cmds.forEach((c, i) => {
    if (i > 0) out.push(' | ');
    writeNode(c, out);
  });
}

function writeNode(n: Node, out: string[]): void {
  switch (n.type) {
    case 'text':
      out.push(n.text);
      return;
    case 'comment':
      out.push('{{', n.text, '}}');
      return;
    case 'list':
      for (const c of n.nodes) writeNode(c, out);
      return;
    case 'pipe':
      writePipe(n, out);
      return;
    case 'action':
      out.push('{{');
      writePipe(n.pipe, out);
      out.push('}}');
      return;
    case 'command':
      n.args.forEach((a, i) => {
        if (i > 0) out.push(' ');
        if (a.type === 'pipe') {
          out.push('(');
          writePipe(a, out);
          out.push(')');
        } else writeNode(a, out);
      });
      return;
    case 'identifier':
      out.push(n.ident);
      return;
    case 'variable':
      out.push(n.ident.join('.'));
      return;
    case 'dot':
      out.push('.');
      return;
    case 'nil':
      out.push('nil');
      return;
    case 'field':
      for (const id of n.ident) out.push('.', id);
      return;
    case 'chain':
      if (n.node.type === 'pipe') {
        out.push('(');
        writePipe(n.node, out);
        out.push(')');
      } else writeNode(n.node, out);
      for (const f of n.field) out.push('.', f);
      return;
    case 'bool':
      out.push(n.value ? 'true' : 'false');
      return;
    case 'number':
      out.push(n.text);
      return;
    case 'string':
      out.push(n.quoted);
      return;
    case 'end':
      out.push('{{end}}');
      return;
    case 'else':
      out.push('{{else}}');
      return;
    case 'if':
    case 'range':
    case 'with':
      out.push('{{', n.type, ' ');
      writePipe(n.pipe, out);
      out.push('}}');
      writeNode(n.list, out);
      if (n.elseList) {
        out.push('{{else}}');
        writeNode(n.elseList, out);
      }
      out.push('{{end}}');
      return;
    case 'template':
      out.push('{{template ', quote(n.name));
      if (n.pipe) {
        out.push(' ');
        writePipe(n.pipe, out);
      }
      out.push('}}');
      return;
    case 'break':
      out.push('{{break}}');
      return;
    case 'continue':
      out.push('{{continue}}');
      return;
  }
}

/** parse.IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return trimSpace(n.text) === '';
    default:
      return false;
  }
}

