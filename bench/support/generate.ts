/** Generates realistic `.nn` files of a given number of lines for benchmarks. */
const ACTIVATIONS = ['relu', 'leaky_relu(alpha: 0.1)', 'gelu', 'elu', 'swish(beta: 1.5)', 'mish', 'relu6', 'prelu'];

export function generateFile(lines: number): string {
  const out: string[] = [];
  let model = 0;
  while (out.length < lines) {
    model++;
    out.push(
      `# Model ${model}: generated for benchmarks`,
      `model m${model} {`,
      '  task multiclass(classes: 3)',
      '  input 4',
      '',
    );
    for (let i = 0; i < 8; i++) out.push(`  h${i}: dense ${8 + i} ${ACTIVATIONS[(model + i) % ACTIVATIONS.length]}`);
    out.push('  dropout 0.1', '  out: dense 3 softmax', '', '  loss cce', '  optimizer adam(lr: 0.001)', '}', '');
    out.push(
      `train m${model} {`,
      '  data iris',
      '  epochs 50',
      '  batch 16',
      '  validation 0.2',
      `  seed ${model}`,
      '}',
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}
