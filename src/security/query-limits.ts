import {
  type ArgumentNode,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";
import { ErrorCode } from "../errors.ts";

/**
 * Limits checked during validation, before anything executes (so a rejected request costs no upstream
 * call). Fragments are expanded when measuring, so a limit cannot be dodged by hiding selections in
 * fragments; a fragment cycle (itself rejected by GraphQL's own rules) is cut, never followed.
 */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /**
   * Cost: each field costs 1; a field with `first`/`last` multiplies its subtree by that number, and a
   * field fetching a list of objects by id (`nodes(ids:)`) by the list's length.
   */
  readonly maxCost: number;
  /** Multiplier for a connection field without `first`/`last` (the gateway's default page size). */
  readonly defaultListSize: number;
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const INTROSPECTION_ROOTS = new Set(["__schema", "__type"]);

/** The fields whose size is set by `first`/`last` arguments (Relay connections). */
const SIZE_ARGUMENTS = new Set(["first", "last"]);

/**
 * Arguments listing objects that are fetched one by one (`nodes(ids:)`: an accounting entry or export
 * job costs Pleo one GET per id): the field's subtree is resolved once per item, so it costs that many
 * times. (Filters such as `vendors(filter: { ids })` are inside an input object and go out as one search.)
 */
const FAN_OUT_ARGUMENTS = new Set(["ids"]);

/** How a list or page size given by a variable without a default is counted: Pleo's largest page. */
const UNKNOWN_SIZE = 100;

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const variables =
          context.getDocument() && operation.variableDefinitions ? operation.variableDefinitions : [];
        const defaults = new Map<string, ValueNode | undefined>(
          variables.map((v) => [v.variable.name.value, v.defaultValue]),
        );
        const measure = measureSelections(operation.selectionSet, fragments, defaults, limits, new Set(), 1);
        measure.directives += operation.directives?.length ?? 0;
        const name = operation.name?.value ?? "anonymous operation";
        const report = (what: string, actual: number, limit: number) =>
          context.reportError(
            new GraphQLError(`${name}: ${what} ${actual} exceeds the limit of ${limit}.`, {
              nodes: [operation],
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, actual, measure: what },
            }),
          );
        if (measure.depth > limits.maxDepth) report("depth", measure.depth, limits.maxDepth);
        if (measure.aliases > limits.maxAliases) report("aliases", measure.aliases, limits.maxAliases);
        if (measure.directives > limits.maxDirectives)
          report("directives", measure.directives, limits.maxDirectives);
        if (measure.cost > limits.maxCost) report("cost", measure.cost, limits.maxCost);
      },
    };
  };
}

function measureSelections(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variableDefaults: ReadonlyMap<string, ValueNode | undefined>,
  limits: QueryLimits,
  visiting: Set<string>,
  depth: number,
): Measure {
  const total: Measure = { depth, aliases: 0, directives: 0, cost: 0 };
  const add = (m: Measure) => {
    total.depth = Math.max(total.depth, m.depth);
    total.aliases += m.aliases;
    total.directives += m.directives;
    total.cost += m.cost;
  };
  for (const selection of selectionSet.selections) {
    const directives = selection.directives?.length ?? 0;
    total.directives += directives;
    if (selection.kind === Kind.FIELD) {
      // Introspection is governed by its own switch and costs no upstream call; GraphiQL's standard
      // introspection query alone is 15 levels deep.
      if (INTROSPECTION_ROOTS.has(selection.name.value)) continue;
      add(measureField(selection, fragments, variableDefaults, limits, visiting, depth));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(measureSelections(selection.selectionSet, fragments, variableDefaults, limits, visiting, depth));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: GraphQL's own rules report it
      visiting.add(name);
      add(measureSelections(fragment.selectionSet, fragments, variableDefaults, limits, visiting, depth));
      visiting.delete(name);
    }
  }
  return total;
}

function measureField(
  field: FieldNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variableDefaults: ReadonlyMap<string, ValueNode | undefined>,
  limits: QueryLimits,
  visiting: Set<string>,
  depth: number,
): Measure {
  const aliases = field.alias ? 1 : 0;
  if (!field.selectionSet) return { depth, aliases, directives: 0, cost: 1 };
  const inner = measureSelections(
    field.selectionSet,
    fragments,
    variableDefaults,
    limits,
    visiting,
    depth + 1,
  );
  const multiplier = listSize(field, variableDefaults, limits) * fanOut(field, variableDefaults);
  return {
    depth: inner.depth,
    aliases: aliases + inner.aliases,
    directives: inner.directives,
    cost: 1 + multiplier * inner.cost,
  };
}

/**
 * How many items a field may return: its `first`/`last` literal (or the variable's default), the default
 * page size for a connection-looking field without them, 1 otherwise. A variable without a default is
 * counted at the largest page Pleo allows (100), so a variable cannot hide the size.
 */
function listSize(
  field: FieldNode,
  variableDefaults: ReadonlyMap<string, ValueNode | undefined>,
  limits: QueryLimits,
): number {
  for (const argument of field.arguments ?? []) {
    if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const value = literalValue(argument, variableDefaults);
    if (value?.kind === Kind.INT) return Math.max(1, Number.parseInt(value.value, 10));
    return UNKNOWN_SIZE;
  }
  const selectsEdges = field.selectionSet?.selections.some(
    (s) => s.kind === Kind.FIELD && (s.name.value === "edges" || s.name.value === "nodes"),
  );
  return selectsEdges ? limits.defaultListSize : 1;
}

/**
 * How many times a field's subtree is resolved for its id list (`FAN_OUT_ARGUMENTS`): the list's length
 * (a literal, or the variable's default), `UNKNOWN_SIZE` for a variable without a default (a variable
 * cannot hide the size), 1 for a field without such a list.
 */
function fanOut(field: FieldNode, variableDefaults: ReadonlyMap<string, ValueNode | undefined>): number {
  let items = 1;
  for (const argument of field.arguments ?? []) {
    if (!FAN_OUT_ARGUMENTS.has(argument.name.value)) continue;
    const value = literalValue(argument, variableDefaults);
    if (value === undefined) items *= UNKNOWN_SIZE;
    else if (value.kind === Kind.LIST) items *= Math.max(1, value.values.length);
  }
  return items;
}

/** An argument's value as written, or its variable's default (undefined: a variable without one). */
function literalValue(
  argument: ArgumentNode,
  variableDefaults: ReadonlyMap<string, ValueNode | undefined>,
): ValueNode | undefined {
  return argument.value.kind === Kind.VARIABLE
    ? variableDefaults.get(argument.value.name.value)
    : argument.value;
}
