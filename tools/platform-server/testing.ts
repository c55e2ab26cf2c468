/**
 * What a teacher's browser does on the sign-in page, for tests and demos without a browser:
 * open the authorize URL, submit the form, and follow the redirect to the app's loopback server.
 * Plain HTTP (node fetch) against the real page; nothing is faked.
 */
export async function browserSignIn(
  authorizeUrl: string,
  username: string,
  password: string
): Promise<{ status: number; location: string | null }> {
  const pageRes = await fetch(authorizeUrl)
  const html = await pageRes.text()
  if (pageRes.status !== 200) return { status: pageRes.status, location: null }
  const form = new URLSearchParams()
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.set(m[1]!, decodeEntities(m[2]!))
  form.set('username', username)
  form.set('password', password)
  const post = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual'
  })
  const location = post.headers.get('location')
  await post.text()
  if (post.status !== 302 || !location) return { status: post.status, location: null }
  const back = await fetch(location)
  await back.text()
  return { status: back.status, location }
}

function decodeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
}
