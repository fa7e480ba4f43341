import { StrictMode, lazy, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Shell } from './components/Shell.js';
import { CountriesPage } from './pages/CountriesPage.js';
import { CorridorPage } from './pages/CorridorPage.js';
import { CountryPage } from './pages/CountryPage.js';
import { DataHubPage } from './pages/DataHubPage.js';
import { DatasetPage } from './pages/DatasetPage.js';
import { DatasetsPage } from './pages/DatasetsPage.js';
import { GapMapPage } from './pages/GapMapPage.js';
import { HistoryPage } from './pages/HistoryPage.js';
import { HomePage } from './pages/HomePage.js';
import { ItemPage } from './pages/ItemPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { LibraryPage, SearchPage } from './pages/SearchPage.js';
import './styles.css';

// The explorer brings the map (d3-geo, topojson and the boundaries): loaded only when opened.
const ExplorerPage = lazy(() => import('./pages/ExplorerPage.js').then((m) => ({ default: m.ExplorerPage })));
// The edit form (every vocabulary as controls, the word diff of a conflict): only editors open it.
const ItemEditPage = lazy(() => import('./pages/ItemEditPage.js').then((m) => ({ default: m.ItemEditPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="loading page">…</p>}>{children}</Suspense>;
}

// Every page lives inside the shell; the server answers any non-/api path with this app.
const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'countries', element: <CountriesPage /> },
      { path: 'countries/:code', element: <CountryPage /> },
      { path: 'countries/:code/profile', element: <ProfilePage /> },
      { path: 'data', element: <DataHubPage /> },
      { path: 'datasets', element: <DatasetsPage /> },
      { path: 'datasets/:id', element: <DatasetPage /> },
      {
        path: 'explorer',
        element: (
          <Lazy>
            <ExplorerPage />
          </Lazy>
        ),
      },
      { path: 'corridors/:from/:to', element: <CorridorPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'library', element: <LibraryPage /> },
      {
        path: 'library/new',
        element: (
          <Lazy>
            <ItemEditPage />
          </Lazy>
        ),
      },
      { path: 'library/:id', element: <ItemPage /> },
      {
        path: 'library/:id/edit',
        element: (
          <Lazy>
            <ItemEditPage />
          </Lazy>
        ),
      },
      { path: 'library/:id/history', element: <HistoryPage /> },
      { path: 'gap-map', element: <GapMapPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
