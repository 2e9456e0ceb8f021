import express, { Router } from 'express';
import swaggerUiDist from 'swagger-ui-dist';

const DOCS_HTML = `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Kandidatenverkenner API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>`;

// A separate script file, so the docs page works under a CSP without inline scripts.
const START_JS = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });";

/** `/api/openapi.json` and a Swagger UI page at `/api/docs`, served from the swagger-ui-dist package. */
export function openApiRoutes(document: object): Router {
  const router = Router();
  const tekst = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => { res.type('application/json').send(tekst); });
  router.get('/docs', (_req, res) => { res.type('html').send(DOCS_HTML); });
  router.get('/docs/start.js', (_req, res) => { res.type('application/javascript').send(START_JS); });
  router.use('/docs/assets', express.static(swaggerUiDist.getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  return router;
}
