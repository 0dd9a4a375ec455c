import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startProjectLoad } from './ui/project-store';
import './ui/i18n';
import './ui/app.css';
import { App } from './ui/App';
import { preloadMap } from './ui/MapView';

// Start the data worker first: its fetching and parsing overlap React's first render
// and the download of the map code.
startProjectLoad(new URL(`${import.meta.env.BASE_URL}data/demo/`, window.location.href).href);
preloadMap();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
