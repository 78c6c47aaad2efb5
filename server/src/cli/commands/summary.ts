/** `nn summary FILE [--model NAME] [--markdown | --json]`: the Keras-like summary of each model in a file. */
import { analyze } from '../../analysis';
import { summaryFacts, summaryMarkdown, summaryRows, summaryText } from '../../features/summary';
import type { GivenArgs } from '../args';
import { defineCommand } from '../command';
import { readNnFile } from '../load';
import { pickModels } from '../../model/pick';

const USAGE = 'nn summary FILE [--model NAME] [--markdown | --json]';

interface SummaryArgs {
  file: string;
  model?: string;
  format: 'text' | 'markdown' | 'json';
}

const FLAGS = {
  model: { type: 'string', missing: 'needs a model name' },
  markdown: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Takes one file; of --markdown and --json, the last one given wins. */
function readArgs({ values, positionals, order }: GivenArgs<typeof FLAGS>): SummaryArgs | string {
  if (positionals.length > 1) return `give one file (got '${positionals[0]}' and '${positionals[1]}')`;
  if (positionals.length === 0) return 'give the .nn file to summarise';
  const format =
    order.filter((name): name is 'markdown' | 'json' => name === 'markdown' || name === 'json').pop() ?? 'text';
  return { file: positionals[0], model: values.model, format };
}

export const summaryCommand = defineCommand({
  name: 'summary',
  summary: 'Print a table of each model’s layers, output widths and parameter counts',
  usage: USAGE,
  flags: FLAGS,
  read: readArgs,
  async run(parsed) {
    const read = readNnFile('summary', parsed.file);
    if (!read) return 2;
    // The summary analyses the text alone, as it always has, so a data path outside the workspace is not in its error note.
    const analysis = analyze(read.text);
    const models = pickModels(analysis.semantic.models, parsed.model, parsed.file);
    if (typeof models === 'string') {
      console.error(`nn summary: ${models}`);
      return 1;
    }
    if (parsed.format === 'json') {
      const json = models.map((m) => ({
        name: m.name,
        layers: summaryRows(m),
        totalParams: m.totalParams,
        facts: Object.fromEntries(summaryFacts(m)),
      }));
      console.log(JSON.stringify({ models: json }, null, 2));
    } else {
      const blocks = models.map((m) => (parsed.format === 'markdown' ? summaryMarkdown(m) : summaryText(m)));
      console.log(blocks.join('\n\n'));
    }
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0)
      console.error(
        `note: ${parsed.file} has ${errors} error${errors > 1 ? 's' : ''}; numbers may be incomplete (run 'nn check')`,
      );
    return 0;
  },
});
