# syntax=docker/dockerfile:1

# Build: bundle the TypeScript sources with esbuild, then keep only the production dependencies.
# better-sqlite3 (the embedded queue) is a native module: its install script fetches a prebuilt
# binary, or compiles one with the toolchain installed here. package.json's allowScripts lets it, and no other
# dependency, run an install script.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY scripts/bundle.ts ./scripts/
COPY src ./src
# npm ci runs the package's prepare script, which bundles src/ into dist/.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev && npm cache clean --force

# Runtime: the build and its production dependencies, nothing else.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY app.yml ./
# The code stays owned by root: the process can read it but not change it. Only the queue's
# folder is writable, and is a volume so that queued reviews survive a new container.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1 and receives SIGTERM: running reviews go back to the queue before it exits.
CMD ["node", "dist/server/start.js"]
