/**
 * `政务公开台账.exe --cli <command> …`: the installed app doubles as the
 * command line for PCs without Node. The switch must be the first argument
 * the user gave; everything after it goes to the CLI unchanged.
 */
export const CLI_SWITCH = '--cli';

/**
 * The CLI's arguments, or undefined when the app is started normally.
 * `defaultApp` is Electron's process.defaultApp: true when run as
 * `electron <folder> …` from source, where argv[1] is the folder.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | undefined {
  const user = argv.slice(defaultApp ? 2 : 1);
  return user[0] === CLI_SWITCH ? user.slice(1) : undefined;
}
