import type { Plugin } from "graphql-yoga";
import type { Deadline } from "../upstream/deadline.ts";

/**
 * Releases the request's deadline timer as soon as execution ends (the context factory starts it when
 * the request arrives; a request refused before execution lets its unref'd timer lapse).
 */
export function useDeadlineRelease(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ args }) {
          (args.contextValue as { deadline?: Deadline }).deadline?.dispose();
        },
      };
    },
  };
}
