import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { opening } from './lib/start';

// The first paint is the real first screen: what the window opens on (and the Check screen's
// code and questions, when it opens on a record) is read before anything is mounted.
const app = opening().then((o) => {
  const mounted = mount(App, { target: document.getElementById('app')!, props: { opening: o } });
  // The first interactive screen is on the page from here (mount draws synchronously): the
  // place for a "UI ready" signal to the shell, once it has such a command.
  return mounted;
});

export default app;
