// Collects the SDK's public surface from its types: one TypeScript Program over the package entry,
// then a walk of the type `getSdk()` returns. The SDK is a tree of plain objects of functions built
// by factories, so the walk follows types, not declarations.
import path from 'node:path';
import ts from 'typescript';
import { readDoc } from './doc.mjs';

const SDK_ENTRY = 'packages/sdk/src/index.ts';
const SDK_TSCONFIG = 'packages/sdk/tsconfig.json';
const MODEL_REGISTRY = 'packages/sdk/src/models/index.ts';
/** Entry-point functions documented on the factory page (in this order). */
const FACTORY_FUNCTIONS = ['getSdk', 'fromSharedOptions', 'setSharedOptions'];
/** Guards against walking into recursive data types. */
const MAX_DEPTH = 6;

/**
 * The page a path belongs to: one page per top-level namespace, except `auth.twoFactor` and each
 * model (`models.device`), which have their own.
 */
export function pageOf(segments) {
  if (segments[0] === 'models' && segments.length > 1) return `models.${segments[1]}`;
  if (segments[0] === 'auth' && segments[1] === 'twoFactor') return 'auth.twoFactor';
  return segments[0];
}

function createProgram(root) {
  const configPath = path.join(root, SDK_TSCONFIG);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  return ts.createProgram([path.join(root, SDK_ENTRY)], { ...parsed.options, noEmit: true });
}

function sourceOf(root, declaration) {
  if (!declaration) return undefined;
  return path.relative(root, declaration.getSourceFile().fileName).split(path.sep).join('/');
}

/** Objects (not primitives, arrays or functions) are walked for members. */
function isPlainObjectType(checker, type) {
  const isObject = type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection);
  return Boolean(isObject) && !checker.isArrayType(type) && type.getCallSignatures().length === 0;
}

function hasFunctionMembers(checker, type, depth) {
  if (depth > MAX_DEPTH || !isPlainObjectType(checker, type)) return false;
  return checker.getPropertiesOfType(type).some((property) => {
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
    return (
      propertyType.getCallSignatures().length > 0 ||
      propertyType.getConstructSignatures().length > 0 ||
      hasFunctionMembers(checker, propertyType, depth + 1)
    );
  });
}

/** The leading file comment of a model's `index.ts` (`sdk.models.x: ...`). */
function fileHeaderOf(declaration) {
  const sourceFile = declaration?.getSourceFile();
  if (!sourceFile) return '';
  const text = sourceFile.getFullText();
  const [first] = ts.getLeadingCommentRanges(text, 0) ?? [];
  if (!first || !text.startsWith('/**', first.pos)) return '';
  return text
    .slice(first.pos + 3, first.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

function namespaceDescription(checker, symbol, type) {
  const own = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  if (own) return own;
  const typeSymbol = type.aliasSymbol ?? type.getSymbol();
  if (typeSymbol && !typeSymbol.name.startsWith('__')) {
    const typeDoc = ts.displayPartsToString(typeSymbol.getDocumentationComment(checker)).trim();
    if (typeDoc) return typeDoc;
  }
  return '';
}

/**
 * Builds the list of documented entries and namespaces.
 *
 * @param root - the repository root.
 * @returns `{ namespaces, entries }`; every entry has a `path`, a `page` and a `kind`.
 */
export function collectReference(root) {
  const program = createProgram(root);
  const checker = program.getTypeChecker();
  const entrySource = program.getSourceFile(path.join(root, SDK_ENTRY));
  const moduleSymbol = checker.getSymbolAtLocation(entrySource);
  const exported = new Map(
    checker.getExportsOfModule(moduleSymbol).map((symbol) => {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return [symbol.name, target];
    }),
  );
  const namespaces = [];
  const entries = [];
  const modelHeaders = modelFileHeaders(program, checker, root);

  function addEntry(kind, segments, symbol, type, extra = {}) {
    const doc = readDoc(checker, symbol, type, segments.at(-1));
    entries.push({
      kind,
      path: ['sdk', ...segments].join('.'),
      page: pageOf(segments),
      name: segments.at(-1),
      source: sourceOf(root, doc.declaration),
      ...doc,
      declaration: undefined,
      ...extra,
    });
  }

  function walk(type, segments, depth) {
    for (const property of checker.getPropertiesOfType(type)) {
      const propertySegments = [...segments, property.name];
      const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      if (propertyType.getCallSignatures().length > 0) {
        addEntry('method', propertySegments, property, propertyType);
      } else if (propertyType.getConstructSignatures().length > 0) {
        addEntry(
          'class',
          propertySegments,
          property,
          propertyType,
          classDetails(checker, property),
        );
      } else if (depth < MAX_DEPTH && hasFunctionMembers(checker, propertyType, 0)) {
        const isModel = segments.length === 1 && segments[0] === 'models';
        namespaces.push({
          path: ['sdk', ...propertySegments].join('.'),
          page: pageOf(propertySegments),
          description:
            (isModel ? modelHeaders.get(property.name) : undefined) ??
            namespaceDescription(checker, property, propertyType),
        });
        walk(propertyType, propertySegments, depth + 1);
      } else if (checker.isArrayType(propertyType) && segments.length === 0) {
        addEntry('property', propertySegments, property, propertyType);
        walkInterceptor(checker.getTypeArguments(propertyType)[0]);
      } else {
        addEntry('property', propertySegments, property, propertyType);
      }
    }
  }

  // `sdk.interceptors` holds user-written hooks; their contract is the element type's members.
  function walkInterceptor(elementType) {
    if (!elementType || entries.some((entry) => entry.kind === 'hook')) return;
    namespaces.push({
      path: 'sdk.interceptors',
      page: 'interceptors',
      description: namespaceDescription(checker, elementType.getSymbol(), elementType),
    });
    for (const property of checker.getPropertiesOfType(elementType)) {
      const hookType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      const doc = readDoc(checker, property, hookType, property.name);
      entries.push({
        kind: 'hook',
        path: `interceptor.${property.name}`,
        page: 'interceptors',
        name: property.name,
        source: sourceOf(root, doc.declaration),
        ...doc,
        declaration: undefined,
      });
    }
  }

  const getSdk = exported.get('getSdk');
  const sdkType = checker.getTypeOfSymbol(getSdk).getCallSignatures()[0].getReturnType();
  namespaces.push({ path: 'sdk', page: 'getSdk', description: '' });
  for (const name of FACTORY_FUNCTIONS) {
    const symbol = exported.get(name);
    addEntry('function', [name], symbol, checker.getTypeOfSymbol(symbol), {
      page: 'getSdk',
      path: name,
    });
  }
  walk(sdkType, [], 0);
  addTopLevelFunctions(checker, exported, entries, addEntry);
  addOptions(checker, exported, entries, root);
  for (const entry of entries) {
    if (entry.kind === 'property' && entry.path === 'sdk.version') entry.page = 'getSdk';
  }
  return { namespaces, entries };
}

/** Exported functions of the entry that are not also reachable from `getSdk()`. */
function addTopLevelFunctions(checker, exported, entries, addEntry) {
  for (const [name, symbol] of exported) {
    if (FACTORY_FUNCTIONS.includes(name) || !(symbol.flags & ts.SymbolFlags.Function)) continue;
    const already = entries.some(
      (entry) => entry.name === name && entry.path.startsWith('sdk.errors.'),
    );
    if (!already) {
      addEntry('function', [name], symbol, checker.getTypeOfSymbol(symbol), {
        page: 'getSdk',
        path: name,
      });
    }
  }
}

/** The fields of `SdkOptions`, for the options table of the factory page. */
function addOptions(checker, exported, entries, root) {
  const symbol = exported.get('SdkOptions');
  if (!symbol) return;
  const type = checker.getDeclaredTypeOfSymbol(symbol);
  for (const property of checker.getPropertiesOfType(type)) {
    const declaration = property.declarations?.[0];
    entries.push({
      kind: 'option',
      path: `options.${property.name}`,
      page: 'getSdk',
      name: property.name,
      type: declaration?.type
        ? declaration.type.getText()
        : checker.typeToString(checker.getTypeOfSymbol(property)),
      summary: ts.displayPartsToString(property.getDocumentationComment(checker)).trim(),
      source: sourceOf(root, declaration),
    });
  }
}

function classDetails(checker, symbol) {
  const classSymbol =
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = classSymbol.valueDeclaration;
  if (!declaration || !ts.isClassDeclaration(declaration)) return {};
  const heritage = declaration.heritageClauses?.[0]?.types[0]?.expression.getText();
  const fields = declaration.members
    .filter(
      (member) =>
        ts.isPropertyDeclaration(member) && member.type && !member.name.getText().startsWith('#'),
    )
    .filter((member) => member.name.getText() !== 'code')
    .map((member) => ({ name: member.name.getText(), type: member.type.getText() }));
  return { extends: heritage, fields };
}

// Each model's description is the file comment of the module exporting its factory.
function modelFileHeaders(program, checker, root) {
  const headers = new Map();
  const registry = program.getSourceFile(path.join(root, MODEL_REGISTRY));
  const alias = registry?.statements.find(
    (statement) =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === 'ModelFactoryMap',
  );
  if (!alias) return headers;
  const factories = checker.getTypeAtLocation(alias.name);
  for (const property of checker.getPropertiesOfType(factories)) {
    const factoryType = checker.getTypeOfSymbol(property);
    const declaration = factoryType.getCallSignatures()[0]?.getDeclaration();
    const header = fileHeaderOf(declaration);
    if (header) headers.set(property.name, header);
  }
  return headers;
}
