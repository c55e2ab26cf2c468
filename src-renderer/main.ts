import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n } from './i18n'
import { hydrate } from './stores/hydrate'
import './styles/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(createAppRouter())
app.use(i18n)
app.mount('#app')
// The shell paints at once; settings (language) arrive over the transport right after.
void hydrate().catch((err) => console.error('hydrate failed', err))
