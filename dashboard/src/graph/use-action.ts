import { useState } from 'react';
import { problemsOf, type Problem } from './errors.ts';

/** The state of one form's submission: running, the problems the API reported, or done. */
export interface Action {
  running: boolean;
  problems: Problem[];
  done: boolean;
  /** Runs the mutation; on success calls `then` (e.g. reload the page's data). */
  run(mutation: () => Promise<unknown>, then?: () => void): Promise<void>;
}

export function useAction(): Action {
  const [running, setRunning] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  return {
    running,
    problems,
    done,
    async run(mutation, then) {
      setRunning(true);
      setProblems([]);
      setDone(false);
      try {
        await mutation();
        setDone(true);
        then?.();
      } catch (error) {
        setProblems(problemsOf(error));
      } finally {
        setRunning(false);
      }
    },
  };
}
