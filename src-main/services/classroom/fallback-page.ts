/**
 * Served when the student/remote pages have not been built (a source checkout, a test):
 * a one-file student client good enough for choice, true/false and text questions, using the
 * Socket.IO client the server itself serves at /socket.io/socket.io.js.
 */

const STYLE = `body{font:20px/1.5 system-ui,sans-serif;margin:0;padding:16px;max-width:640px}
button,input{font:inherit;min-height:56px;min-width:56px;margin:6px 0;padding:8px 16px;box-sizing:border-box}
input{width:100%}button{width:100%;border-radius:10px;border:2px solid #446;background:#f4f6ff}
.sel{background:#446;color:#fff}#err{color:#b00020}`

const STUDENT_SCRIPT = `
const $=(id)=>document.getElementById(id);let s,q=null,seq=Number(localStorage.cdSeq||0);
function err(e){$('err').textContent=e?(e.message||String(e)):''}
function show(id){for(const x of ['login','wait','ask'])$(x).hidden=x!==id}
function render(st){q=st.question;if(st.myAnswer&&st.myAnswer.seq>seq)seq=st.myAnswer.seq;if(!q){show('wait');$('wait').textContent='等待老师出题…';return}
show('ask');$('prompt').textContent=q.prompt||'';const box=$('opts');box.textContent='';
const mine=st.myAnswer&&st.myAnswer.runId===q.runId?st.myAnswer.answer:null;
$('state').textContent=!st.open?'本题已结束':mine?'已提交，可修改':'';
const send=(a)=>{seq++;localStorage.cdSeq=seq;s.emit('answer',{runId:q.runId,seq,answer:a},(r)=>{err(r.ok?null:r.error);if(r.ok)$('state').textContent='已提交'})};
const btn=(t,a)=>{const b=document.createElement('button');b.textContent=t;b.onclick=()=>send(a);box.appendChild(b)};
if(q.kind==='single')q.options.forEach((o,i)=>btn(String.fromCharCode(65+i)+'. '+o,{kind:'single',choice:i}));
else if(q.kind==='poll'&&!q.multi)q.options.forEach((o,i)=>btn(o,{kind:'poll',choices:[i]}));
else if(q.kind==='truefalse'){btn('对',{kind:'truefalse',value:true});btn('错',{kind:'truefalse',value:false})}
else if(q.kind==='buzz')btn('抢答！',{kind:'buzz'});
else if(q.kind==='fillin'||q.kind==='wordcloud'){const n=q.kind==='fillin'?q.blanks:1;const ins=[];
for(let i=0;i<n;i++){const x=document.createElement('input');ins.push(x);box.appendChild(x)}
const go=document.createElement('button');go.textContent='提交';box.appendChild(go);
go.onclick=()=>send(q.kind==='fillin'?{kind:'fillin',texts:ins.map(x=>x.value)}:{kind:'wordcloud',words:ins[0].value.split(/[,，\\s]+/).filter(Boolean)})}
else $('state').textContent='请使用完整版学生页面作答此题型'}
function join(payload){s.emit('join',payload,(r)=>{if(!r.ok){localStorage.removeItem('cdToken');err(r.error);show('login');return}
if(!payload.token)seq=0;localStorage.cdToken=r.result.token;err(null);render(r.result)})}
$('go').onclick=()=>{err(null);const pin=$('pin').value.trim();s=io('/student',{auth:{pin},transports:['websocket']});
s.on('connect_error',(e)=>err(e.data||e));s.on('connect',()=>{if(s.recovered)return;const t=localStorage.cdToken;join(t?{token:t}:{name:$('name').value})});
const sync=()=>s.emit('sync',{},(r)=>r.ok&&render(r.result));s.on('question',sync);s.on('question:closed',sync);s.on('question:reveal',sync);
s.on('class:closed',()=>{show('wait');$('wait').textContent='已下课';s.close()});
s.on('join:decision',(d)=>{if(!d.approved)return err(d.error);seq=0;localStorage.cdToken=d.result.token;err(null);render(d.result)});
s.on('signed-out',(e)=>{localStorage.removeItem('cdToken');err(e.error);show('login')})};
const p=new URLSearchParams(location.search).get('pin');if(p)$('pin').value=p;`

export function fallbackPage(which: 'student' | 'remote'): string {
  if (which === 'remote') {
    return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ClassDeck 遥控</title><style>${STYLE}</style><p>手机遥控页面尚未构建，请在老师电脑上使用完整版 ClassDeck。</p></html>`
  }
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ClassDeck 课堂互动</title><style>${STYLE}</style>
<div id="login"><label>课堂码<input id="pin" inputmode="numeric" maxlength="6"></label>
<label>姓名<input id="name" maxlength="20"></label><button id="go">加入课堂</button></div>
<div id="wait" hidden></div><div id="ask" hidden><p id="prompt"></p><div id="opts"></div><p id="state"></p></div>
<p id="err" role="alert"></p><script src="/socket.io/socket.io.js"></script><script>${STUDENT_SCRIPT}</script></html>`
}
