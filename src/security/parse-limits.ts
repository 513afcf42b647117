import { GraphQLError, parse, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { ErrorCode } from "../errors.ts";

/**
 * Caps the number of tokens the parser will read, so an oversized or adversarial document is refused
 * while parsing (cheaply), with a typed error.
 */
export function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /tokens/i.test(error.message)) {
            throw new GraphQLError(`The document has more than ${maxTokens} tokens.`, {
              extensions: { code: ErrorCode.QUERY_TOO_LARGE, limit: maxTokens, http: { status: 400 } },
            });
          }
          throw error;
        }
      });
    },
  };
}

/** Adds validation rules (query limits, introspection off) to every operation before execution. */
export function useValidationRules(rules: readonly ValidationRule[]): Plugin {
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
