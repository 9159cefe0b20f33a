/** Runs a command line entry: a user error is printed without a stack trace and exits 1; anything else is a bug and keeps its stack. */
import { UserError } from '../diagnostics';

export async function runCommand(command: () => void | Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    if (error instanceof UserError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
