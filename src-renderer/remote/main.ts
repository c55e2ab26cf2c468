// The teacher's phone remote (remote.html), opened from the second QR code.
import { createApp } from 'vue'
import RemoteApp from './RemoteApp.vue'
import '../styles/base.css'

createApp(RemoteApp).mount('#app')
