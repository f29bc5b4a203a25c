/**
 * `/metrics` in Prometheus' text format (prom-client): the queue's depth, webhook and review
 * durations, GitHub requests and rate-limit waits, errors by kind, and the process's own figures.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobMetrics } from '../jobs/job-dependencies.js';
import type { ReviewQueue } from '../queue/review-queue.js';
import type { GitHubClientObserver } from './github-client.js';

export interface PostureMetrics {
  registry: Registry;
  webhook(event: string, status: number, seconds: number): void;
  jobs: JobMetrics;
  github: GitHubClientObserver;
  reviewDuration: Histogram<'outcome'>;
}

export function createMetrics(queue: ReviewQueue): PostureMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'posture_process_' });

  new Gauge({
    name: 'posture_queue_jobs',
    help: 'Review jobs in the queue, by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.counts().catch(() => undefined);
      if (!counts) return;
      for (const [state, value] of Object.entries(counts) as [string, number][])
        this.set({ state }, value);
    },
  });
  const webhooks = new Histogram({
    name: 'posture_webhook_duration_seconds',
    help: 'Time to answer a webhook delivery (verification and queueing), by event and status',
    labelNames: ['event', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const reviewDuration = new Histogram({
    name: 'posture_review_duration_seconds',
    help: 'Time from a review job starting to its end, by outcome',
    labelNames: ['outcome'],
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const reviews = new Counter({
    name: 'posture_reviews_total',
    help: 'Review jobs ended, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'posture_errors_total',
    help: 'Review failures, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'posture_github_requests_total',
    help: 'GitHub API requests, by method and status (0: no answer)',
    labelNames: ['method', 'status'],
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: 'posture_github_request_duration_seconds',
    help: 'GitHub API request durations',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const rateLimitWaits = new Counter({
    name: 'posture_github_rate_limit_waits_total',
    help: 'Waits for a GitHub rate limit, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const rateLimitSeconds = new Counter({
    name: 'posture_github_rate_limit_wait_seconds_total',
    help: 'Seconds spent waiting for GitHub rate limits, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });

  return {
    registry,
    reviewDuration,
    webhook(event, status, seconds) {
      webhooks.observe({ event, status: String(status) }, seconds);
    },
    jobs: {
      reviewFinished: (outcome) => reviews.inc({ outcome }),
      reviewError: (kind) => errors.inc({ kind }),
    },
    github: {
      request(method, status, seconds) {
        requests.inc({ method, status: String(status) });
        requestSeconds.observe(seconds);
      },
      rateLimitWait(kind, seconds) {
        rateLimitWaits.inc({ kind });
        rateLimitSeconds.inc({ kind }, seconds);
      },
    },
  };
}
