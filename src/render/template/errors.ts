/**
 * Errors raised by the template engine. Their messages are Go's, byte for byte:
 *   parse:     template: <name>:<line>: <msg>
 *   execution: template: <name>:<line>:<col>: executing "<tmpl>" at <<node>>: <msg>
 * docker prefixes both with "template parsing error: ".
 */

/** A template that failed to parse. */
export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** A template that failed while executing. */
export class TemplateExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

/**
 * An error returned by a template function (Go's second `error` result, or a recovered
 * panic). The executor reports it as `error calling <name>: <message>`.
 */
export class FuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuncError';
  }
}
