export { startDeliveryLoop, type DeliveryLoop } from './delivery-loop.ts';
export {
  DeliveryWorker,
  defaultRetryPolicy,
  retryDelayMs,
  type Deliver,
  type DeliveryLogger,
  type DeliveryOutcome,
  type DeliveryReport,
  type DeliveryWorkerOptions,
  type RetryPolicy,
} from './delivery-worker.ts';
