import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { opening } from './lib/start';
import { signalReady } from './lib/ready';

// Marks for the start-up's breakdown (`make bench` reads them with performance.getEntriesByType).
performance.mark?.('soleus:script');

// The first paint is the real first screen: what the window opens on (and the Check screen's
// code and questions, when it opens on a record) is read before anything is mounted.
const app = opening().then((o) => {
  performance.mark?.('soleus:opening-read');
  const mounted = mount(App, { target: document.getElementById('app')!, props: { opening: o } });
  performance.mark?.('soleus:mounted');
  return mounted;
});
// The start-up benchmark's finish line: the first interactive screen, painted. Then the other
// tabs are built out of sight, for first visits as quick as revisits.
void signalReady().then(() => app.then((a) => a.prepareTabs()));

export default app;
