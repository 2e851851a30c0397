/**
 * Options of every AWS SDK client the handlers create, once per container. Adaptive retries: the SDK
 * slows down on throttling instead of failing the invocation. Each entry point imports only the
 * client packages it uses: each costs about 100 ms to load.
 */
export const SDK_OPTIONS = { retryMode: 'adaptive', maxAttempts: 5 } as const;
