/** The training Web Worker (bundled to dist/web/trainWorker.js): receives RunControl, posts TrainingEvent. */
import { serveTrainingSession, type SessionEndpoint } from './serveSession';

serveTrainingSession(self as unknown as SessionEndpoint);
