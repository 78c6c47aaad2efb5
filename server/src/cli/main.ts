/** `nn`: the command line of NN Studio (check, explain, train, summary, export). */
import { COMMANDS } from './commands';
import { exitQuietlyOnClosedPipe, printSafely } from './terminal';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'nn — check, explain, train and export .nn networks',
    '',
    'Usage: nn COMMAND [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'nn COMMAND --help' for a command's options.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    console.log('0.1.0');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`nn: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`Usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  return command.run(args);
}

if (require.main === module) {
  printSafely();
  exitQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`nn: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
