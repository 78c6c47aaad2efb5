/**
 * overfitting: the validation loss keeps rising above its best while the training loss keeps falling. The
 * rise must be real: a share of the best loss itself (so a loss in large units does not fire on a wiggle),
 * and a share of what the validation loss gained from the first epoch to its best (so a loss near 0 does not
 * fire on noise, as 0.0055 → 0.0063 would).
 */
import { compact, defineTrainingCheck, percent } from './types';

export const overfitting = defineTrainingCheck({
  code: 'overfitting',
  severity: 'warning',
  title: 'Validation loss rising',
  summary: 'The validation loss keeps rising above its best while the training loss keeps falling.',
  template:
    'the validation loss has risen for {epochs} epochs (from {best} at epoch {bestEpoch} to {loss} (+{rise})) while the training loss kept falling — stop earlier, add dropout or regularize',
  explanation: [
    'The training loss keeps falling, but the loss on the held-out validation rows has turned and keeps rising. The ' +
      'model is learning the training rows, noise included, rather than the pattern behind them, so it will do worse ' +
      'on new data the longer it trains.',
    'The check waits for a rise that lasts several epochs and is large both next to the best validation loss and next ' +
      'to what the validation loss gained before, so noise on a loss close to 0 does not count.',
  ].join('\n\n'),
  fixes: {},
  remedy: 'Stop earlier (fewer epochs), add dropout or a regularizer, use fewer units, or get more data.',
  settings: ['overfittingEpochs', 'overfittingRise', 'overfittingMinRise'],
  example: {
    text:
      'model m {\n  task binary\n  input 2\n  dense 32 relu\n  dense 1 sigmoid\n  optimizer adam(lr: 0.05)\n}\n\n' +
      'train m {\n  data moons(points: 40, noise: 0.4)\n  epochs 25\n  validation 0.5\n}\n',
  },
  check(context, t) {
    const { history } = context;
    let best = -1;
    history.forEach((r, i) => {
      if (Number.isFinite(r.valLoss) && (best < 0 || r.valLoss < history[best].valLoss)) best = i;
    });
    if (best < 0) return [];
    const last = history.length - 1;
    if (last - best < t.overfittingEpochs) return [];
    const bestLoss = history[best].valLoss;
    const lastLoss = history[last].valLoss;
    // Every epoch since the best stayed above it, and the training loss fell meanwhile.
    const stayedAbove = history.slice(best + 1).every((r) => r.valLoss > bestLoss);
    const trainFalling = history[last].trainLoss < history[best].trainLoss;
    if (!stayedAbove || !trainFalling) return [];
    const rise = lastLoss - bestLoss;
    const first = history.find((r) => Number.isFinite(r.valLoss))?.valLoss ?? bestLoss;
    if (!(rise >= t.overfittingRise * bestLoss) || !(rise >= t.overfittingMinRise * (first - bestLoss))) return [];
    const relative = bestLoss > 0 ? ` (+${percent(rise / bestLoss)})` : '';
    return [
      {
        message: `the validation loss has risen for ${last - best} epochs (from ${compact(bestLoss)} at epoch ${history[best].epoch} to ${compact(lastLoss)}${relative}) while the training loss kept falling — stop earlier, add dropout or regularize`,
        epoch: context.epoch,
      },
    ];
  },
});
