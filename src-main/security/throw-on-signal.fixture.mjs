// Loaded with --import into a host under test: SIGUSR2 throws from a timer and rejects a
// promise nobody awaits, as a library bug would, so the test can see the host keep serving.
process.on('SIGUSR2', () => {
  setImmediate(() => {
    throw new Error('boom from a timer')
  })
  void Promise.reject(new Error('boom from a promise'))
})
