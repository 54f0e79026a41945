// Trains a classifier off the main thread (see trained-classifier.ts): a reload
// that must train anew keeps answering questions from the old knowledge meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { Classifier, type LabelledText } from './classifier.js';

const bytes = Classifier.train(workerData as LabelledText[]).toBytes();
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
