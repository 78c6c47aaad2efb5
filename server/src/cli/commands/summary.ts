/** `nn summary FILE [--model NAME] [--markdown | --json]`: the Keras-like summary of each model in a file. */
import { readFileSync } from 'node:fs';
import { analyze } from '../../analysis';
import { summaryFacts, summaryMarkdown, summaryRows, summaryText } from '../../features/summary';
import type { Command } from '../command';

const USAGE = 'nn summary FILE [--model NAME] [--markdown | --json]';

interface SummaryArgs {
  file: string;
  model?: string;
  format: 'text' | 'markdown' | 'json';
}

function parseArgs(args: string[]): SummaryArgs | string {
  let file: string | undefined;
  let model: string | undefined;
  let format: SummaryArgs['format'] = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--model') {
      model = args[++i];
      if (!model) return '--model needs a model name';
    } else if (arg === '--markdown' || arg === '--json') {
      format = arg === '--json' ? 'json' : 'markdown';
    } else if (arg.startsWith('-')) {
      return `unknown option '${arg}'`;
    } else if (file) {
      return `give one file (got '${file}' and '${arg}')`;
    } else {
      file = arg;
    }
  }
  return file ? { file, model, format } : 'give the .nn file to summarise';
}

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'Print a table of each model’s layers, output widths and parameter counts',
  usage: USAGE,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`nn summary: ${parsed}\nUsage: ${USAGE}`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(parsed.file, 'utf8');
    } catch {
      console.error(`nn summary: cannot read '${parsed.file}'`);
      return 2;
    }
    const analysis = analyze(text);
    const models = analysis.semantic.models.filter((m) => parsed.model === undefined || m.name === parsed.model);
    if (models.length === 0) {
      const names = analysis.semantic.models.map((m) => `'${m.name}'`).join(', ');
      console.error(parsed.model
        ? `nn summary: no model named '${parsed.model}' in ${parsed.file}${names ? ` (it has ${names})` : ''}`
        : `nn summary: ${parsed.file} has no model`);
      return 1;
    }
    if (parsed.format === 'json') {
      const json = models.map((m) => ({ name: m.name, layers: summaryRows(m), totalParams: m.totalParams, facts: Object.fromEntries(summaryFacts(m)) }));
      console.log(JSON.stringify({ models: json }, null, 2));
    } else {
      const blocks = models.map((m) => (parsed.format === 'markdown' ? summaryMarkdown(m) : summaryText(m)));
      console.log(blocks.join('\n\n'));
    }
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) console.error(`note: ${parsed.file} has ${errors} error${errors > 1 ? 's' : ''}; numbers may be incomplete (run 'nn check')`);
    return 0;
  },
};
