// The GraphiQL page served at GET /graphql (Accept: text/html). Bundled by build.sh into dist/; no CDN at run time.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';

// Monaco runs its language services in workers, loaded from our own files (the CSP allows no other origin).
const assets = document.querySelector('meta[name="clea-ide-assets"]').content;
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    if (label === 'json') return new Worker(`${assets}/json.worker.js`);
    if (label === 'graphql') return new Worker(`${assets}/graphql.worker.js`);
    return new Worker(`${assets}/editor.worker.js`);
  },
};

// The README's first example: habilitated organisms of Auvergne-Rhône-Alpes (INSEE region 84).
const defaultQuery = `# CleaGraph: organismes habilités CléA Numérique en Auvergne-Rhône-Alpes (région INSEE 84).
# Ctrl-Enter runs the query; add a bearer token in the Headers tab: { "Authorization": "Bearer …" }
query RegionOrganisms($region: String! = "84", $after: String) {
  organisms(where: { region: $region, certification: CLEA_NUMERIQUE }, first: 10, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      siren
      name
      qualiopi
      sites { name address { city postalCode } }
      habilitations { certification status validUntil instance { code } }
    }
  }
}
`;

const endpoint = window.location.pathname;
const fetcher = createGraphiQLFetcher({
  url: endpoint,
  headers: { Accept: 'application/graphql-response+json' },
});

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[explorerPlugin()]}
      defaultQuery={defaultQuery}
      initialVariables={'{ "region": "84" }'}
      defaultHeaders={'{}'}
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    />
  );
}

createRoot(document.getElementById('graphiql')).render(<App />);
