// The student tablet page (student.html), served by the classroom server on the LAN.
import { createApp } from 'vue'
import StudentApp from './StudentApp.vue'
import '../styles/base.css'

createApp(StudentApp).mount('#app')
