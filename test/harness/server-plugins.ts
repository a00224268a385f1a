import { FeedServer } from "./feed-server.js";
import { pageCommandsPlugin } from "./page-commands.js";

/** The feed server shared by every browser test in one web-test-runner run. */
export const feedServer = new FeedServer();

/**
 * web-test-runner plugins that add the scriptable feed server at `/feeds/*`
 * and `/__feeds/*` to the dev server that serves the test pages, and the
 * server commands of page-commands.ts.
 */
export function testServerPlugins() {
  return [
    pageCommandsPlugin(),
    {
      name: "child-alert-feed-server",
      serverStart({
        app,
      }: {
        app: { use: (middleware: KoaMiddleware) => void };
      }) {
        app.use(async (context, next) => {
          context.respond = false;
          if (!feedServer.handle(context.req, context.res)) {
            context.respond = true;
            await next();
          }
        });
      },
    },
  ];
}

type KoaMiddleware = (
  context: {
    req: import("node:http").IncomingMessage;
    res: import("node:http").ServerResponse;
    respond: boolean;
  },
  next: () => Promise<void>,
) => Promise<void>;
