import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { signalReady } from './lib/ready';

const app = mount(App, { target: document.getElementById('app')! });
void signalReady();

export default app;
