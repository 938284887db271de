// Reads the TSDoc and the signatures of one public member.
import ts from 'typescript';

const SIGNATURE_FLAGS =
  ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
  ts.TypeFormatFlags.WriteTypeArgumentsOfSignature;
/** Longer checker-printed signatures are replaced by the declaration as written. */
const MAX_PRINTED_SIGNATURE = 400;

/** Display parts to Markdown: `{@link X}` becomes `X` in code style. */
export function partsToMarkdown(parts) {
  let text = '';
  for (const part of parts ?? []) {
    if (part.kind === 'link') continue;
    text +=
      part.kind === 'linkName' || part.kind === 'linkText' ? `\`${part.text.trim()}\`` : part.text;
  }
  return text.trim();
}

/** The first paragraph of a description, on one line. */
export function summaryOf(description) {
  const [first = ''] = description.split(/\n\s*\n/);
  return first.replace(/\s*\n\s*/g, ' ').trim();
}

function parseTags(tags) {
  const result = { params: [], returns: '', throws: [], examples: [], deprecated: undefined };
  for (const tag of tags) {
    const parts = tag.text ?? [];
    if (tag.name === 'param') {
      const nameIndex = parts.findIndex((part) => part.kind === 'parameterName');
      const name = nameIndex >= 0 ? parts[nameIndex].text : '';
      const text = partsToMarkdown(parts.slice(nameIndex + 1)).replace(/^-\s*/, '');
      if (name) result.params.push({ name, text });
    } else if (tag.name === 'returns' || tag.name === 'return') {
      result.returns = partsToMarkdown(parts);
    } else if (tag.name === 'throws') {
      const text = partsToMarkdown(parts);
      const match = /^\{([^}]+)\}\s*(.*)$/s.exec(text);
      result.throws.push(
        match ? { type: match[1].trim(), text: match[2].trim() } : { type: '', text },
      );
    } else if (tag.name === 'example') {
      result.examples.push(ts.displayPartsToString(parts).replace(/^\n+|\s+$/g, ''));
    } else if (tag.name === 'deprecated') {
      result.deprecated = partsToMarkdown(parts) || 'Deprecated.';
    }
  }
  return result;
}

function declaredSignature(name, declaration, signature, checker) {
  const typeParameters = declaration.typeParameters?.length
    ? `<${declaration.typeParameters.map((parameter) => parameter.getText()).join(', ')}>`
    : '';
  const parameters = declaration.parameters.map((parameter) => parameter.getText()).join(', ');
  const returned = declaration.type
    ? declaration.type.getText()
    : checker.typeToString(signature.getReturnType(), undefined, SIGNATURE_FLAGS);
  return `${name}${typeParameters}(${parameters}): ${returned}`;
}

/** Whether a declaration sits inside a generic function, interface or class (e.g. a builder). */
function inGenericScope(declaration) {
  for (let node = declaration.parent; node; node = node.parent) {
    if (node.typeParameters?.length) return true;
  }
  return false;
}

/** The checker's form of a signature, or undefined when it is truncated or too long. */
function printedSignature(signature, checker) {
  const printed = checker.signatureToString(signature, undefined, SIGNATURE_FLAGS);
  return !printed.includes('...') && printed.length <= MAX_PRINTED_SIGNATURE ? printed : undefined;
}

/**
 * One signature as a TypeScript declaration (`function name(...): Result;`): as written when the
 * declaration is self-contained; the checker's instantiated form for members of generic builders
 * (their concrete types), unless that form is truncated or too long.
 */
function signatureText(name, signature, checker, isConstructor) {
  const declaration = signature.getDeclaration();
  const asWritten = declaration?.type && !isConstructor && !inGenericScope(declaration);
  const printed = asWritten ? undefined : printedSignature(signature, checker);
  let text =
    printed || !declaration
      ? `${name}${printed ?? checker.signatureToString(signature, undefined, SIGNATURE_FLAGS)}`
      : declaredSignature(name, declaration, signature, checker);
  // Optional members print as `x?: T | undefined`; the `?` already says it.
  text = text
    .replace(/\?: ([^;,(){}]*?) \| undefined(?=[;,)])/g, '?: $1')
    .replace(/\?: (\{[^{}]*\}) \| undefined(?=[;,)])/g, '?: $1');
  if (isConstructor) text = text.replace(/\):\s*[^)]*$/, ')');
  return isConstructor ? `new ${text};` : `function ${text};`;
}

function docOf(checker, symbolOrSignature) {
  const description = partsToMarkdown(symbolOrSignature.getDocumentationComment(checker));
  const tags = 'getJsDocTags' in symbolOrSignature ? symbolOrSignature.getJsDocTags(checker) : [];
  return { description, tags };
}

/** The symbol that carries the docs: aliases and `{ name }` shorthand properties are followed. */
function valueSymbolOf(checker, symbol) {
  let target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const shorthand = target.declarations?.find(ts.isShorthandPropertyAssignment);
  const documented = partsToMarkdown(target.getDocumentationComment(checker));
  if (shorthand && !documented) {
    const value = checker.getShorthandAssignmentValueSymbol(shorthand);
    if (value)
      target = value.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(value) : value;
  }
  return target;
}

/**
 * The documentation of a method, function or class reachable from the SDK.
 *
 * @param checker - the type checker.
 * @param symbol - the property (or export) symbol.
 * @param type - its type.
 * @param name - the name to print in signatures.
 * @returns summary, description, params, returns, throws, examples, signatures, declaration.
 */
export function readDoc(checker, symbol, type, name) {
  const constructors = type.getConstructSignatures();
  const isConstructor = constructors.length > 0 && type.getCallSignatures().length === 0;
  const signatures = isConstructor ? constructors : type.getCallSignatures();
  const target = valueSymbolOf(checker, symbol);
  // Docs may sit on the property (interfaces) or on the function it points to (factories).
  const sources = [
    docOf(checker, target),
    ...signatures.map((signature) => docOf(checker, signature)),
  ];
  const described = sources.find((source) => source.description) ?? sources[0];
  const tagged = isConstructor
    ? (sources.slice(1).find((source) => source.tags.length) ?? described)
    : described.tags.length
      ? described
      : (sources.find((source) => source.tags.length) ?? described);
  const declaration =
    signatures[0]?.getDeclaration() ?? target.valueDeclaration ?? target.declarations?.[0];
  return {
    summary: summaryOf(described.description),
    description: described.description,
    ...parseTags(tagged.tags),
    signatures: signatures.map((signature) =>
      signatureText(name, signature, checker, isConstructor),
    ),
    type: signatures.length ? undefined : checker.typeToString(type, undefined, SIGNATURE_FLAGS),
    declaration,
  };
}
