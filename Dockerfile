# svgchat serve in a container. Build: docker build -t svgchat .
# Run:   export SVGCHAT_SERVE_TOKEN="$(openssl rand -hex 16)"    (16-512 printable characters; keep it)
#        docker run -p 7420:7420 -e SVGCHAT_SERVE_TOKEN -v svgchat-data:/data svgchat
#        then open http://localhost:7420/#token=$SVGCHAT_SERVE_TOKEN
# (The project's own machines have no Docker engine, so this file is reviewed, not built, there.)

# --- build: compile TypeScript and the icon index from exactly the locked dependencies ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the image already has Node 24, so the pinned `node` devDependency's installer
# is not needed, and our own `prepare` build runs below once the sources are copied in.
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# --- runtime: the bundled code and data, and the three packages it loads at run time (resvg, open, the font) ---
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    SVGCHAT_HOME=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
# The bundle, its data and the page's script: the rest of dist/ is the plain tsc output it was made from.
COPY --from=build /app/dist/app ./dist/app
COPY --from=build /app/dist/data ./dist/data
COPY --from=build /app/dist/pages/client ./dist/pages/client
COPY --from=build /app/bin ./bin
COPY NOTICE LICENSE ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 7420
# Binding 0.0.0.0 requires a token (SVGCHAT_SERVE_TOKEN or --token): serve refuses to start without one (exit 2).
ENTRYPOINT ["node", "bin/svgchat.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "7420"]
