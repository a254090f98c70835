# The built app for the compose file's production profile (docker compose --profile production up):
# dependencies installed and the web app built once, at image build time, not at container start.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci && npx turbo run build --filter=@pulse/web --output-logs=errors-only

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
COPY --from=build /app /app
# The server (API, live hub) by default; the web service runs `npm -w @pulse/web run start`.
CMD ["npm", "--silent", "-w", "@pulse/server", "run", "start"]
