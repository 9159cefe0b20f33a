/** Runs a command line entry: a user error is printed without a stack trace and exits 1; anything else is a bug and keeps its stack. */
import { UserError } from '../diagnostics';

export function runCommand(command: () => void): void {
  try {
    command();
  } catch (error) {
    if (error instanceof UserError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
