const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Pipeline-rSa7X_A5.js","assets/rolldown-runtime-BWaJ3C7D.js","assets/jsx-runtime-CYb7M32Z.js","assets/useLayout-BWXIsyea.js","assets/pipelineQuery-DQCR-d7s.js","assets/Launchpad-OIBtfQjs.js","assets/Run-C6IpYcc_.js","assets/esm-Ce9BApxM.js","assets/preload-helper-a_cEDy7-.js","assets/PartitionSets-Dgp8HZjm.js","assets/PartitionSet-Boj_Ts2p.js","assets/queries-RgM8fYTn.js","assets/Progress-BaHL57tI.js","assets/Backfills-Dbv98sbJ.js","assets/Backfill-wYqQ6xbR.js","assets/Assets--Tx-KhI3.js","assets/LineageGraph-C0On9DC_.js","assets/Asset-CetCPx_x.js","assets/Instigators-BdHrtY6i.js","assets/Ticks-Bzlbi39R.js","assets/Instigator-wSaxA2bJ.js","assets/Instance-D_igo6ab.js"])))=>i.map(i=>d[i]);
import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{n as t,t as n}from"./preload-helper-a_cEDy7-.js";import{a as r,c as i,i as a,l as o,n as s,o as c,r as l,s as u,t as d}from"./jsx-runtime-CYb7M32Z.js";var f=e(o(),1),p=/^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i,m=/^[\\/]{2}/;function h(e,t){return t+e.replace(/\\/g,`/`)}var g=`popstate`;function _(e){return typeof e==`object`&&!!e&&`pathname`in e&&`search`in e&&`hash`in e&&`state`in e&&`key`in e}function v(e={}){function t(e,t){let n=t.state?.masked,{pathname:r,search:i,hash:a}=n||e.location;return C(``,{pathname:r,search:i,hash:a},t.state&&t.state.usr||null,t.state&&t.state.key||`default`,n?{pathname:e.location.pathname,search:e.location.search,hash:e.location.hash}:void 0)}function n(e,t){return typeof t==`string`?t:w(t)}return ee(t,n,null,e)}function y(e,t){if(e===!1||e==null)throw Error(t)}function b(e,t){if(!e){typeof console<`u`&&console.warn(t);try{throw Error(t)}catch{}}}function x(){return Math.random().toString(36).substring(2,10)}function S(e,t){return{usr:e.state,key:e.key,idx:t,masked:e.mask?{pathname:e.pathname,search:e.search,hash:e.hash}:void 0}}function C(e,t,n=null,r,i){return{pathname:typeof e==`string`?e:e.pathname,search:``,hash:``,...typeof t==`string`?T(t):t,state:n,key:t&&t.key||r||x(),mask:i}}function w({pathname:e=`/`,search:t=``,hash:n=``}){return t&&t!==`?`&&(e+=t.charAt(0)===`?`?t:`?`+t),n&&n!==`#`&&(e+=n.charAt(0)===`#`?n:`#`+n),e}function T(e){let t={};if(e){let n=e.indexOf(`#`);n>=0&&(t.hash=e.substring(n),e=e.substring(0,n));let r=e.indexOf(`?`);r>=0&&(t.search=e.substring(r),e=e.substring(0,r)),e&&(t.pathname=e)}return t}function ee(e,t,n,r={}){let{window:i=document.defaultView,v5Compat:a=!1}=r,o=i.history,s=`POP`,c=null,l=u();l??(l=0,o.replaceState({...o.state,idx:l},``));function u(){return(o.state||{idx:null}).idx}function d(){s=`POP`;let e=u(),t=e==null?null:e-l;l=e,c&&c({action:s,location:h.location,delta:t})}function f(e,t){s=`PUSH`;let r=_(e)?e:C(h.location,e,t);n&&n(r,e),l=u()+1;let d=S(r,l),f=h.createHref(r.mask||r);try{o.pushState(d,``,f)}catch(e){if(e instanceof DOMException&&e.name===`DataCloneError`)throw e;i.location.assign(f)}a&&c&&c({action:s,location:h.location,delta:1})}function p(e,t){s=`REPLACE`;let r=_(e)?e:C(h.location,e,t);n&&n(r,e),l=u();let i=S(r,l),d=h.createHref(r.mask||r);o.replaceState(i,``,d),a&&c&&c({action:s,location:h.location,delta:0})}function m(e){return te(i,e)}let h={get action(){return s},get location(){return e(i,o)},listen(e){if(c)throw Error(`A history only accepts one active listener`);return i.addEventListener(g,d),c=e,()=>{i.removeEventListener(g,d),c=null}},createHref(e){return t(i,e)},createURL:m,encodeLocation(e){let t=m(e);return{pathname:t.pathname,search:t.search,hash:t.hash}},push:f,replace:p,go(e){return o.go(e)}};return h}function te(e,t,n=!1){let r=`http://localhost`;e&&(r=e.location.origin===`null`?e.location.href:e.location.origin),y(r,`No window.location.(origin|href) available to create URL`);let i=typeof t==`string`?t:w(t);return i=i.replace(/ $/,`%20`),!n&&m.test(i)&&(i=r+i),new URL(i,r)}var ne=new URL(`http://localhost`);function E(e){if(e.createURL)return e.createURL(`/`);try{return new URL(e.createHref(`/`),ne)}catch{return ne}}function D(e,t){return e.origin===t.origin&&(e.origin!==`null`||e.protocol===t.protocol&&e.host===t.host)}function re(e,t){if(e.startsWith(`//`))return!0;let n=t.protocol.toLowerCase();return e.toLowerCase().startsWith(n)?t.host===``||e.slice(n.length).startsWith(`//`):!1}function ie(e){let t=e.replace(/[\t\n\r]/g,``),n=0;for(;t.charCodeAt(n)<=32;)n++;if(t=t.slice(n),!p.test(t))return;let r;try{r=new URL(e,ne)}catch{return}if(!re(e,r))throw Error(`External navigation is not allowed`)}function O(e,t,n,r){let i=null;try{i=e==null?null:new URL(e,n)}catch{}let a=new URL(t,n),o=i!=null&&!D(i,n),s=!D(a,n);if(r===`reject`){if(o||s)throw Error(`External navigation is not allowed`)}else if(s&&(i==null||!re(e,i)||!D(i,a)))throw Error(`External navigation is not allowed`)}function ae(e,t,n=`/`){return oe(e,t,n,!1)}function oe(e,t,n,r,i){let a=A((typeof t==`string`?T(t):t).pathname||`/`,n);if(a==null)return null;let o=i??se(e),s=null,c=we(a);for(let e=0;s==null&&e<o.length;++e)s=be(o[e],c,r);return s}function se(e){let t=ce(e);return ue(t),t}function ce(e,t=[],n=[],r=``,i=!1){let a=(e,a,o=i,s)=>{let c={relativePath:s===void 0?e.path||``:s,caseSensitive:e.caseSensitive===!0,childrenIndex:a,route:e};if(c.relativePath.startsWith(`/`)){if(!c.relativePath.startsWith(r)&&o)return;y(c.relativePath.startsWith(r),`Absolute route path "${c.relativePath}" nested under path "${r}" is not valid. An absolute child route path must start with the combined path of all its parent routes.`),c.relativePath=c.relativePath.slice(r.length)}let l=M([r,c.relativePath]),u=n.concat(c);e.children&&e.children.length>0&&(y(e.index!==!0,`Index routes must not have child routes. Please remove all child routes from route path "${l}".`),ce(e.children,t,u,l,o)),(e.path!=null||e.index)&&t.push({path:l,score:ve(l,e.index),routesMeta:u.map((e,t)=>{let[n,r]=Ce(e.relativePath,e.caseSensitive,t===u.length-1);return{...e,matcher:n,compiledParams:r}})})};return e.forEach((e,t)=>{if(e.path===``||!e.path?.includes(`?`))a(e,t);else for(let n of le(e.path))a(e,t,!0,n)}),t}function le(e){let t=e.split(`/`);if(t.length===0)return[];let[n,...r]=t,i=n.endsWith(`?`),a=n.replace(/\?$/,``);if(r.length===0)return i?[a,``]:[a];let o=le(r.join(`/`)),s=[];return s.push(...o.map(e=>e===``?a:[a,e].join(`/`))),i&&s.push(...o),s.map(t=>e.startsWith(`/`)&&t===``?`/`:t)}function ue(e){e.sort((e,t)=>e.score===t.score?ye(e.routesMeta.map(e=>e.childrenIndex),t.routesMeta.map(e=>e.childrenIndex)):t.score-e.score)}var de=/^:[\w-]+$/,fe=3,pe=2,me=1,he=10,ge=-2,_e=e=>e===`*`;function ve(e,t){let n=e.split(`/`),r=n.length;return n.some(_e)&&(r+=ge),t&&(r+=pe),n.filter(e=>!_e(e)).reduce((e,t)=>e+(de.test(t)?fe:t===``?me:he),r)}function ye(e,t){return e.length===t.length&&e.slice(0,-1).every((e,n)=>e===t[n])?e[e.length-1]-t[t.length-1]:0}function be(e,t,n=!1){let{routesMeta:r}=e,i={},a=`/`,o=[];for(let e=0;e<r.length;++e){let s=r[e],c=e===r.length-1,l=a===`/`?t:t.slice(a.length)||`/`,u={path:s.relativePath,caseSensitive:s.caseSensitive,end:c},d=s.matcher&&s.compiledParams?Se(u,l,s.matcher,s.compiledParams):k(u,l),f=s.route;if(!d&&c&&n&&!r[r.length-1].route.index&&(d=k({path:s.relativePath,caseSensitive:s.caseSensitive,end:!1},l)),!d)return null;Object.assign(i,d.params),o.push({params:i,pathname:M([a,d.pathname]),pathnameBase:je(M([a,d.pathnameBase])),route:f}),d.pathnameBase!==`/`&&(a=M([a,d.pathnameBase]))}return o}var xe=12;function k(e,t){typeof e==`string`&&(e={path:e,caseSensitive:!1,end:!0});let{path:n}=e,r=0;for(let e=n.indexOf(`?`);e!==-1;e=n.indexOf(`?`,e+1))if(++r>xe)throw Error(`Path pattern ${JSON.stringify(n)} exceeds the limit of ${xe} optional segments.`);let[i,a]=Ce(n,e.caseSensitive,e.end);return Se(e,t,i,a)}function Se(e,t,n,r){let i=t.match(n);if(!i)return null;let a=i[0],o=N(a,1),s=i.slice(1);return{params:r.reduce((e,{paramName:t,isOptional:n},r)=>{if(t===`*`){let e=s[r]||``;o=N(a.slice(0,a.length-e.length),1)}let i=s[r];return e[t]=n&&!i?void 0:(i||``).replace(/%2F/g,`/`),e},{}),pathname:a,pathnameBase:o,pattern:e}}function Ce(e,t=!1,n=!0){b(e===`*`||!e.endsWith(`*`)||e.endsWith(`/*`),`Route path "${e}" will be treated as if it were "${e.replace(/\*$/,`/*`)}" because the \`*\` character must always follow a \`/\` in the pattern. To get rid of this warning, please change the route path to "${e.replace(/\*$/,`/*`)}".`);let r=[],i=`^`+e.replace(/\/*\*?$/,``).replace(/^\/*/,`/`).replace(/[\\.*+^${}|()[\]]/g,`\\$&`).replace(/\/:([\w-]+)(\?)?/g,(e,t,n,i,a)=>{if(r.push({paramName:t,isOptional:n!=null}),n){let t=a.charAt(i+e.length);return t&&t!==`/`?`/([^\\/]*)`:`(?:/([^\\/]*))?`}return`/([^\\/]+)`}).replace(/\/([\w-]+)\?(\/|$)/g,`(/$1)?$2`);return e.endsWith(`*`)?(r.push({paramName:`*`}),i+=e===`*`||e===`/*`?`(.*)$`:`(?:\\/(.+)|\\/*)$`):n?i+=`\\/*$`:e!==``&&e!==`/`&&(i+=`(?:(?=\\/|$))`),[new RegExp(i,t?void 0:`i`),r]}function we(e){try{return e.split(`/`).map(e=>decodeURIComponent(e).replace(/\//g,`%2F`)).join(`/`)}catch(t){return b(!1,`The URL path "${e}" could not be decoded because it is a malformed URL segment. This is probably due to a bad percent encoding (${t}).`),e}}function A(e,t){if(t===`/`)return e;if(!e.toLowerCase().startsWith(t.toLowerCase()))return null;let n=t.endsWith(`/`)?t.length-1:t.length,r=e.charAt(n);return r&&r!==`/`?null:e.slice(n)||`/`}function Te(e,t=`/`){let{pathname:n,search:r=``,hash:i=``}=typeof e==`string`?T(e):e,a;return n?(n=Ae(n),a=n.startsWith(`/`)||n.startsWith(`\\`)?Ee(n.substring(1),`/`):Ee(n,t)):a=t,{pathname:a,search:Me(r),hash:Ne(i)}}function Ee(e,t){let n=N(t).split(`/`);return e.split(`/`).forEach(e=>{e===`..`?n.length>1&&n.pop():e!==`.`&&n.push(e)}),n.length>1?n.join(`/`):`/`}function De(e,t,n,r){return`Cannot include a '${e}' character in a manually specified \`to.${t}\` field [${JSON.stringify(r)}].  Please separate it out to the \`to.${n}\` field. Alternatively you may provide the full path as a string in <Link to="..."> and the router will parse it for you.`}function Oe(e){return e.filter((e,t)=>t===0||e.route.path&&e.route.path.length>0)}function ke(e){let t=Oe(e);return t.map((e,n)=>n===t.length-1?e.pathname:e.pathnameBase)}function j(e,t,n,r=!1){let i;typeof e==`string`?i=T(e):(i={...e},y(!i.pathname||!i.pathname.includes(`?`),De(`?`,`pathname`,`search`,i)),y(!i.pathname||!i.pathname.includes(`#`),De(`#`,`pathname`,`hash`,i)),y(!i.search||!i.search.includes(`#`),De(`#`,`search`,`hash`,i)));let a=e===``||i.pathname===``,o=a?`/`:i.pathname,s;if(o==null)s=n;else{let e=t.length-1;if(!r&&o.startsWith(`..`)){let t=o.split(`/`);for(;t[0]===`..`;)t.shift(),--e;i.pathname=t.join(`/`)}s=e>=0?t[e]:`/`}let c=Te(i,s),l=o&&o!==`/`&&o.endsWith(`/`),u=(a||o===`.`)&&n.endsWith(`/`);return!c.pathname.endsWith(`/`)&&(l||u)&&(c.pathname+=`/`),c}var Ae=e=>e.replace(/[\\/]{2,}/g,`/`),M=e=>Ae(e.join(`/`));function N(e,t=0){let n=e.length;for(;n>t&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var je=e=>N(e).replace(/^\/*/,`/`),Me=e=>!e||e===`?`?``:e.startsWith(`?`)?e:`?`+e,Ne=e=>!e||e===`#`?``:e.startsWith(`#`)?e:`#`+e,Pe=class{constructor(e,t,n,r=!1){this.status=e,this.statusText=t||``,this.internal=r,n instanceof Error?(this.data=n.toString(),this.error=n):this.data=n}};function Fe(e){return e!=null&&typeof e.status==`number`&&typeof e.statusText==`string`&&typeof e.internal==`boolean`&&`data`in e}function Ie(e){return M(e.map(e=>e.route.path).filter(Boolean))||`/`}var Le=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;function Re(e,t){let n=e;if(typeof n!=`string`||!p.test(n))return{absoluteURL:void 0,isExternal:!1,to:n};let r=n,i=!1;if(Le)try{let e=new URL(window.location.href),r=m.test(n)?new URL(h(n,e.protocol)):new URL(n),a=A(r.pathname,t);r.origin===e.origin&&a!=null?n=a+r.search+r.hash:i=!0}catch{b(!1,`<Link to="${n}"> contains an invalid URL which will probably break when clicked - please update to a valid URL path.`)}return{absoluteURL:r,isExternal:i,to:n}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);var ze=[`POST`,`PUT`,`PATCH`,`DELETE`];new Set(ze);var Be=[`GET`,...ze];new Set(Be);var Ve=[`about:`,`blob:`,`chrome:`,`chrome-untrusted:`,`content:`,`data:`,`devtools:`,`file:`,`filesystem:`,`javascript:`];function He(e){try{return Ve.includes(new URL(e).protocol)}catch{return!1}}var P=f.createContext(null);P.displayName=`DataRouter`;var Ue=f.createContext(null);Ue.displayName=`DataRouterState`;var We=f.createContext(!1);function Ge(){return f.useContext(We)}var Ke=f.createContext({isTransitioning:!1});Ke.displayName=`ViewTransition`;var qe=f.createContext(new Map);qe.displayName=`Fetchers`;var Je=f.createContext(null);Je.displayName=`Await`;var F=f.createContext(null);F.displayName=`Navigation`;var I=f.createContext(null);I.displayName=`Location`;var L=f.createContext({outlet:null,matches:[],isDataRoute:!1});L.displayName=`Route`;var Ye=f.createContext(null);Ye.displayName=`RouteError`;var Xe=`REACT_ROUTER_ERROR`,Ze=`REDIRECT`,Qe=`ROUTE_ERROR_RESPONSE`;function $e(e){if(e.startsWith(`${Xe}:${Ze}:{`))try{let t=JSON.parse(e.slice(28));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`&&typeof t.location==`string`&&typeof t.reloadDocument==`boolean`&&typeof t.replace==`boolean`)return t}catch{}}function et(e){if(e.startsWith(`${Xe}:${Qe}:{`))try{let t=JSON.parse(e.slice(40));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`)return new Pe(t.status,t.statusText,t.data)}catch{}}function tt(e,{relative:t}={}){y(R(),`useHref() may be used only in the context of a <Router> component.`);let{basename:n,navigator:r}=f.useContext(F),{hash:i,pathname:a,search:o}=V(e,{relative:t}),s=a;return n!==`/`&&(s=a===`/`?n:M([n,a])),r.createHref({pathname:s,search:o,hash:i})}function R(){return f.useContext(I)!=null}function z(){return y(R(),`useLocation() may be used only in the context of a <Router> component.`),f.useContext(I).location}var nt=`You should call navigate() in a React.useEffect(), not when your component is first rendered.`;function rt(e){f.useContext(F).static||f.useLayoutEffect(e)}function B(){let{isDataRoute:e}=f.useContext(L);return e?wt():it()}function it(){y(R(),`useNavigate() may be used only in the context of a <Router> component.`);let e=f.useContext(P),{basename:t,navigator:n}=f.useContext(F),{matches:r}=f.useContext(L),{pathname:i}=z(),a=JSON.stringify(ke(r)),o=f.useRef(!1);return rt(()=>{o.current=!0}),f.useCallback((r,s={})=>{if(b(o.current,nt),!o.current)return;if(typeof r==`number`){n.go(r);return}let c=j(r,JSON.parse(a),i,s.relative===`path`);e==null&&t!==`/`&&(c.pathname=c.pathname===`/`?t:M([t,c.pathname])),O(typeof r==`string`?r:w(r),n.createHref(c),E(n),`reject`),(s.replace?n.replace:n.push)(c,s.state,s)},[t,n,a,i,e])}var at=f.createContext(null);function ot(e){let t=f.useContext(L).outlet;return f.useMemo(()=>t&&f.createElement(at.Provider,{value:e},t),[t,e])}function st(){let{matches:e}=f.useContext(L);return e[e.length-1]?.params??{}}function V(e,{relative:t}={}){let{matches:n}=f.useContext(L),{pathname:r}=z(),i=JSON.stringify(ke(n));return f.useMemo(()=>j(e,JSON.parse(i),r,t===`path`),[e,i,r,t])}function ct(e,t){return lt(e,t)}function lt(e,t,n){y(R(),`useRoutes() may be used only in the context of a <Router> component.`);let{navigator:r}=f.useContext(F),{matches:i}=f.useContext(L),a=i[i.length-1],o=a?a.params:{},s=a?a.pathname:`/`,c=a?a.pathnameBase:`/`,l=a&&a.route;{let e=l&&l.path||``;Et(s,!l||e.endsWith(`*`)||e.endsWith(`*?`),`You rendered descendant <Routes> (or called \`useRoutes()\`) at "${s}" (under <Route path="${e}">) but the parent route path has no trailing "*". This means if you navigate deeper, the parent won't match anymore and therefore the child routes will never render.

Please change the parent <Route path="${e}"> to <Route path="${e===`/`?`*`:`${e}/*`}">.`)}let u=z(),d;if(t){let e=typeof t==`string`?T(t):t;y(c===`/`||e.pathname?.startsWith(c),`When overriding the location using \`<Routes location>\` or \`useRoutes(routes, location)\`, the location pathname must begin with the portion of the URL pathname that was matched by all parent routes. The current pathname base is "${c}" but pathname "${e.pathname}" was given in the \`location\` prop.`),d=e}else d=u;let p=d.pathname||`/`,m=p;if(c!==`/`){let e=c.replace(/^\//,``).split(`/`);m=`/`+p.replace(/^\//,``).split(`/`).slice(e.length).join(`/`)}let h=n&&n.state.matches.length?n.state.matches.map(e=>Object.assign(e,{route:n.manifest[e.route.id]||e.route})):ae(e,{pathname:m});b(l||h!=null,`No routes matched location "${d.pathname}${d.search}${d.hash}" `),b(h==null||h[h.length-1].route.element!==void 0||h[h.length-1].route.Component!==void 0||h[h.length-1].route.lazy!==void 0,`Matched leaf route at location "${d.pathname}${d.search}${d.hash}" does not have an element or Component. This means it will render an <Outlet /> with a null value by default resulting in an "empty" page.`);let g=gt(h&&h.map(e=>Object.assign({},e,{params:Object.assign({},o,e.params),pathname:M([c,r.encodeLocation?r.encodeLocation(e.pathname.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathname]),pathnameBase:e.pathnameBase===`/`?c:M([c,r.encodeLocation?r.encodeLocation(e.pathnameBase.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathnameBase])})),i,n);return t&&g?f.createElement(I.Provider,{value:{location:{pathname:`/`,search:``,hash:``,state:null,key:`default`,mask:void 0,...d},navigationType:`POP`}},g):g}function ut(){let e=Ct(),t=Fe(e)?`${e.status} ${e.statusText}`:e instanceof Error?e.message:JSON.stringify(e),n=e instanceof Error?e.stack:null,r=`rgba(200,200,200, 0.5)`,i={padding:`0.5rem`,backgroundColor:r},a={padding:`2px 4px`,backgroundColor:r},o=null;return console.error(`Error handled by React Router default ErrorBoundary:`,e),o=f.createElement(f.Fragment,null,f.createElement(`p`,null,`💿 Hey developer 👋`),f.createElement(`p`,null,`You can provide a way better UX than this when your app throws errors by providing your own `,f.createElement(`code`,{style:a},`ErrorBoundary`),` or`,` `,f.createElement(`code`,{style:a},`errorElement`),` prop on your route.`)),f.createElement(f.Fragment,null,f.createElement(`h2`,null,`Unexpected Application Error!`),f.createElement(`h3`,{style:{fontStyle:`italic`}},t),n?f.createElement(`pre`,{style:i},n):null,o)}var dt=f.createElement(ut,null),ft=class extends f.Component{constructor(e){super(e),this.state={location:e.location,revalidation:e.revalidation,error:e.error}}static getDerivedStateFromError(e){return{error:e}}static getDerivedStateFromProps(e,t){return t.location!==e.location||t.revalidation!==`idle`&&e.revalidation===`idle`?{error:e.error,location:e.location,revalidation:e.revalidation}:{error:e.error===void 0?t.error:e.error,location:t.location,revalidation:e.revalidation||t.revalidation}}componentDidCatch(e,t){this.props.onError?this.props.onError(e,t):console.error(`React Router caught the following error during render`,e)}render(){let e=this.state.error;if(this.context&&typeof e==`object`&&e&&`digest`in e&&typeof e.digest==`string`){let t=et(e.digest);t&&(e=t)}let t=e===void 0?this.props.children:f.createElement(L.Provider,{value:this.props.routeContext},f.createElement(Ye.Provider,{value:e,children:this.props.component}));return this.context?f.createElement(mt,{error:e},t):t}};ft.contextType=We;var pt=new WeakMap;function mt({children:e,error:t}){let{basename:n,navigator:r}=f.useContext(F);if(typeof t==`object`&&t&&`digest`in t&&typeof t.digest==`string`){let e=$e(t.digest);if(e){let i=pt.get(t);if(i)throw i;let a=Re(e.location,n),o=a.absoluteURL||a.to;if(O(e.location,o,E(r),`allow-explicit`),He(o))throw Error(`Invalid redirect location`);if(Le&&!pt.get(t)){if(a.isExternal||e.reloadDocument)window.location.href=o;else{let n=Promise.resolve().then(()=>window.__reactRouterDataRouter.navigate(a.to,{replace:e.replace}));throw pt.set(t,n),n}}return f.createElement(`meta`,{httpEquiv:`refresh`,content:`0;url=${o}`})}}return e}function ht({routeContext:e,match:t,children:n}){let r=f.useContext(P);return r&&r.static&&r.staticContext&&(t.route.errorElement||t.route.ErrorBoundary)&&(r.staticContext._deepestRenderedBoundaryId=t.route.id),f.createElement(L.Provider,{value:e},n)}function gt(e,t=[],n){let r=n?.state;if(e==null){if(!r)return null;if(r.errors)e=r.matches;else if(t.length===0&&!r.initialized&&r.matches.length>0)e=r.matches;else return null}let i=e,a=r?.errors;if(a!=null){let e=i.findIndex(e=>e.route.id&&a?.[e.route.id]!==void 0);y(e>=0,`Could not find a matching route for errors on route IDs: ${Object.keys(a).join(`,`)}`),i=i.slice(0,Math.min(i.length,e+1))}let o=!1,s=-1;if(n&&r){o=r.renderFallback;for(let e=0;e<i.length;e++){let t=i[e];if((t.route.HydrateFallback||t.route.hydrateFallbackElement)&&(s=e),t.route.id){let{loaderData:e,errors:a}=r,c=t.route.loader&&!e.hasOwnProperty(t.route.id)&&(!a||a[t.route.id]===void 0);if(t.route.lazy||c){n.isStatic&&(o=!0),i=s>=0?i.slice(0,s+1):[i[0]];break}}}}let c=n?.onError,l=r&&c?(e,t)=>{c(e,{location:r.location,params:r.matches?.[0]?.params??{},pattern:Ie(r.matches),errorInfo:t})}:void 0;return i.reduceRight((e,n,c)=>{let u,d=!1,p=null,m=null;r&&(u=a&&n.route.id?a[n.route.id]:void 0,p=n.route.errorElement||dt,o&&(s<0&&c===0?(Et(`route-fallback`,!1,"No `HydrateFallback` element provided to render during initial hydration"),d=!0,m=null):s===c&&(d=!0,m=n.route.hydrateFallbackElement||null)));let h=t.concat(i.slice(0,c+1)),g=()=>{let t;return t=u?p:d?m:n.route.Component?f.createElement(n.route.Component,null):n.route.element?n.route.element:e,f.createElement(ht,{match:n,routeContext:{outlet:e,matches:h,isDataRoute:r!=null},children:t})};return r&&(n.route.ErrorBoundary||n.route.errorElement||c===0)?f.createElement(ft,{location:r.location,revalidation:r.revalidation,component:p,error:u,children:g(),routeContext:{outlet:null,matches:h,isDataRoute:!0},onError:l}):g()},null)}function _t(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function vt(e){let t=f.useContext(P);return y(t,_t(e)),t}function yt(e){let t=f.useContext(Ue);return y(t,_t(e)),t}function bt(e){let t=f.useContext(L);return y(t,_t(e)),t}function xt(e){let t=bt(e),n=t.matches[t.matches.length-1];return y(n.route.id,`${e} can only be used on routes that contain a unique "id"`),n.route.id}function St(){return xt(`useRouteId`)}function Ct(){let e=f.useContext(Ye),t=yt(`useRouteError`),n=xt(`useRouteError`);return e===void 0?t.errors?.[n]:e}function wt(){let{router:e}=vt(`useNavigate`),t=xt(`useNavigate`),n=f.useRef(!1);return rt(()=>{n.current=!0}),f.useCallback(async(r,i={})=>{b(n.current,nt),n.current&&(typeof r==`number`?await e.navigate(r):await e.navigate(r,{fromRouteId:t,...i}))},[e,t])}var Tt={};function Et(e,t,n){!t&&!Tt[e]&&(Tt[e]=!0,b(!1,n))}f.memo(Dt);function Dt({routes:e,manifest:t,future:n,state:r,isStatic:i,onError:a}){return lt(e,void 0,{manifest:t,state:r,isStatic:i,onError:a,future:n})}function Ot({to:e,replace:t,state:n,relative:r}){y(R(),`<Navigate> may be used only in the context of a <Router> component.`);let{static:i,navigator:a}=f.useContext(F);b(!i,`<Navigate> must not be used on the initial render in a <StaticRouter>. This is a no-op, but you should modify your code so the <Navigate> is only ever rendered in response to some user interaction or state change.`);let{matches:o}=f.useContext(L),{pathname:s}=z(),c=B(),l=j(e,ke(o),s,r===`path`);O(typeof e==`string`?e:w(e),a.createHref(l),E(a),`reject`);let u=JSON.stringify(l);return f.useEffect(()=>{c(JSON.parse(u),{replace:t,state:n,relative:r})},[c,u,r,t,n]),null}function kt(e){return ot(e.context)}function H(e){y(!1,`A <Route> is only ever to be used as the child of <Routes> element, never rendered directly. Please wrap your <Route> in a <Routes>.`)}function At({basename:e=`/`,children:t=null,location:n,navigationType:r=`POP`,navigator:i,static:a=!1,useTransitions:o}){y(!R(),`You cannot render a <Router> inside another <Router>. You should never have more than one in your app.`);let s=e.replace(/^\/*/,`/`),c=f.useMemo(()=>({basename:s,navigator:i,static:a,useTransitions:o,future:{}}),[s,i,a,o]);typeof n==`string`&&(n=T(n));let{pathname:l=`/`,search:u=``,hash:d=``,state:p=null,key:m=`default`,mask:h}=n,g=f.useMemo(()=>{let e=A(l,s);return e==null?null:{location:{pathname:e,search:u,hash:d,state:p,key:m,mask:h},navigationType:r}},[s,l,u,d,p,m,r,h]);return b(g!=null,`<Router basename="${s}"> is not able to match the URL "${l}${u}${d}" because it does not start with the basename, so the <Router> won't render anything.`),g==null?null:f.createElement(F.Provider,{value:c},f.createElement(I.Provider,{children:t,value:g}))}function jt({children:e,location:t}){return ct(Mt(e),t)}f.Component;function Mt(e,t=[]){let n=[];return f.Children.forEach(e,(e,r)=>{if(!f.isValidElement(e))return;let i=[...t,r];if(e.type===f.Fragment){n.push.apply(n,Mt(e.props.children,i));return}y(e.type===H,`[${typeof e.type==`string`?e.type:e.type.name}] is not a <Route> component. All component children of <Routes> must be a <Route> or <React.Fragment>`),y(!e.props.index||!e.props.children,`An index route cannot have child routes.`);let a={id:e.props.id||i.join(`-`),caseSensitive:e.props.caseSensitive,element:e.props.element,Component:e.props.Component,index:e.props.index,path:e.props.path,middleware:e.props.middleware,loader:e.props.loader,action:e.props.action,hydrateFallbackElement:e.props.hydrateFallbackElement,HydrateFallback:e.props.HydrateFallback,errorElement:e.props.errorElement,ErrorBoundary:e.props.ErrorBoundary,hasErrorBoundary:e.props.hasErrorBoundary===!0||e.props.ErrorBoundary!=null||e.props.errorElement!=null,shouldRevalidate:e.props.shouldRevalidate,handle:e.props.handle,lazy:e.props.lazy};e.props.children&&(a.children=Mt(e.props.children,i)),n.push(a)}),n}var U=`get`,W=`application/x-www-form-urlencoded`;function G(e){return typeof HTMLElement<`u`&&e instanceof HTMLElement}function Nt(e){return G(e)&&e.tagName.toLowerCase()===`button`}function Pt(e){return G(e)&&e.tagName.toLowerCase()===`form`}function Ft(e){return G(e)&&e.tagName.toLowerCase()===`input`}function It(e){return!!(e.metaKey||e.altKey||e.ctrlKey||e.shiftKey)}function Lt(e,t){return e.button===0&&(!t||t===`_self`)&&!It(e)}function Rt(e=``){return new URLSearchParams(typeof e==`string`||Array.isArray(e)||e instanceof URLSearchParams?e:Object.keys(e).reduce((t,n)=>{let r=e[n];return t.concat(Array.isArray(r)?r.map(e=>[n,e]):[[n,r]])},[]))}function zt(e,t){let n=Rt(e);return t&&t.forEach((e,r)=>{n.has(r)||t.getAll(r).forEach(e=>{n.append(r,e)})}),n}var K=null;function Bt(){if(K===null)try{new FormData(document.createElement(`form`),0),K=!1}catch{K=!0}return K}var Vt=new Set([`application/x-www-form-urlencoded`,`multipart/form-data`,`text/plain`]);function Ht(e){return e!=null&&!Vt.has(e)?(b(!1,`"${e}" is not a valid \`encType\` for \`<Form>\`/\`<fetcher.Form>\` and will default to "${W}"`),null):e}function Ut(e,t){let n,r,i,a,o;if(Pt(e)){let o=e.getAttribute(`action`);r=o?A(o,t):null,n=e.getAttribute(`method`)||U,i=Ht(e.getAttribute(`enctype`))||W,a=new FormData(e)}else if(Nt(e)||Ft(e)&&(e.type===`submit`||e.type===`image`)){let o=e.form;if(o==null)throw Error(`Cannot submit a <button> or <input type="submit"> without a <form>`);let s=e.getAttribute(`formaction`)||o.getAttribute(`action`);if(r=s?A(s,t):null,n=e.getAttribute(`formmethod`)||o.getAttribute(`method`)||U,i=Ht(e.getAttribute(`formenctype`))||Ht(o.getAttribute(`enctype`))||W,a=new FormData(o,e),!Bt()){let{name:t,type:n,value:r}=e;if(n===`image`){let e=t?`${t}.`:``;a.append(`${e}x`,`0`),a.append(`${e}y`,`0`)}else t&&a.append(t,r)}}else if(G(e))throw Error(`Cannot submit element that is not <form>, <button>, or <input type="submit|image">`);else n=U,r=null,i=W,o=e;return a&&i===`text/plain`&&(o=a,a=void 0),{action:r,method:n.toLowerCase(),encType:i,formData:a,body:o}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);function Wt(e,t){if(e===!1||e==null)throw Error(t)}function Gt(e,t,n,r){let i=typeof e==`string`?new URL(e,typeof window>`u`?`server://singlefetch/`:window.location.origin):e;return i.pathname=n?i.pathname.endsWith(`/`)?`${i.pathname}_.${r}`:`${i.pathname}.${r}`:i.pathname===`/`?`_root.${r}`:t&&A(i.pathname,t)===`/`?`${N(t)}/_root.${r}`:`${N(i.pathname)}.${r}`,i}async function Kt(e,t){if(e.id in t)return t[e.id];try{let n=await import(e.module);return t[e.id]=n,n}catch(t){return console.error(`Error loading route module \`${e.module}\`, reloading page...`),console.error(t),window.__reactRouterContext&&window.__reactRouterContext.isSpaMode,window.location.reload(),new Promise(()=>{})}}function qt(e){return e!=null&&typeof e.page==`string`}function Jt(e){return e==null?!1:e.href==null?e.rel===`preload`&&typeof e.imageSrcSet==`string`&&typeof e.imageSizes==`string`:typeof e.rel==`string`&&typeof e.href==`string`}async function Yt(e,t,n){return en((await Promise.all(e.map(async e=>{let r=t.routes[e.route.id];if(r){let e=await Kt(r,n);return e.links?e.links():[]}return[]}))).flat(1).filter(Jt).filter(e=>e.rel===`stylesheet`||e.rel===`preload`).map(e=>e.rel===`stylesheet`?{...e,rel:`prefetch`,as:`style`}:{...e,rel:`prefetch`}))}function Xt(e,t,n,r,i,a){let o=(e,t)=>!n[t]||e.route.id!==n[t].route.id,s=(e,t)=>n[t].pathname!==e.pathname||n[t].route.path?.endsWith(`*`)&&n[t].params[`*`]!==e.params[`*`];return a===`assets`?t.filter((e,t)=>o(e,t)||s(e,t)):a===`data`?t.filter((t,a)=>{let c=r.routes[t.route.id];if(!c||!c.hasLoader)return!1;if(o(t,a)||s(t,a))return!0;if(t.route.shouldRevalidate){let r=t.route.shouldRevalidate({currentUrl:new URL(i.pathname+i.search+i.hash,window.origin),currentParams:n[0]?.params||{},nextUrl:new URL(e,window.origin),nextParams:t.params,defaultShouldRevalidate:!0});if(typeof r==`boolean`)return r}return!0}):[]}function Zt(e,t,{includeHydrateFallback:n}={}){return Qt(e.map(e=>{let r=t.routes[e.route.id];if(!r)return[];let i=[r.module];return r.clientActionModule&&(i=i.concat(r.clientActionModule)),r.clientLoaderModule&&(i=i.concat(r.clientLoaderModule)),n&&r.hydrateFallbackModule&&(i=i.concat(r.hydrateFallbackModule)),r.imports&&(i=i.concat(r.imports)),i}).flat(1))}function Qt(e){return[...new Set(e)]}function $t(e){let t={},n=Object.keys(e).sort();for(let r of n)t[r]=e[r];return t}function en(e,t){let n=new Set,r=new Set(t);return e.reduce((e,i)=>{if(t&&!qt(i)&&i.as===`script`&&i.href&&r.has(i.href))return e;let a=JSON.stringify($t(i));return n.has(a)||(n.add(a),e.push({key:a,link:i})),e},[])}function tn(){let e=f.useContext(P);return Wt(e,`You must render this element inside a <DataRouterContext.Provider> element`),e}function nn(){let e=f.useContext(Ue);return Wt(e,`You must render this element inside a <DataRouterStateContext.Provider> element`),e}var rn=f.createContext(void 0);rn.displayName=`FrameworkContext`;function an(){let e=f.useContext(rn);return Wt(e,`You must render this element inside a <HydratedRouter> element`),e}function on(e,t){let n=f.useContext(rn),[r,i]=f.useState(!1),[a,o]=f.useState(!1),{onFocus:s,onBlur:c,onMouseEnter:l,onMouseLeave:u,onTouchStart:d}=t,p=f.useRef(null);f.useEffect(()=>{if(e===`render`&&o(!0),e===`viewport`){let e=new IntersectionObserver(e=>{e.forEach(e=>{o(e.isIntersecting)})},{threshold:.5});return p.current&&e.observe(p.current),()=>{e.disconnect()}}},[e]),f.useEffect(()=>{if(r){let e=setTimeout(()=>{o(!0)},100);return()=>{clearTimeout(e)}}},[r]);let m=()=>{i(!0)},h=()=>{i(!1),o(!1)};return n?e===`intent`?[a,p,{onFocus:q(s,m),onBlur:q(c,h),onMouseEnter:q(l,m),onMouseLeave:q(u,h),onTouchStart:q(d,m)}]:[a,p,{}]:[!1,p,{}]}function q(e,t){return n=>{e&&e(n),n.defaultPrevented||t(n)}}function sn({page:e,...t}){let n=Ge(),{nonce:r}=an(),{router:i}=tn(),a=f.useMemo(()=>ae(i.routes,e,i.basename),[i.routes,e,i.basename]);return a?(t.nonce==null&&r&&(t={...t,nonce:r}),n?f.createElement(ln,{page:e,matches:a,...t}):f.createElement(un,{page:e,matches:a,...t})):null}function cn(e){let{manifest:t,routeModules:n}=an(),[r,i]=f.useState([]);return f.useEffect(()=>{let r=!1;return Yt(e,t,n).then(e=>{r||i(e)}),()=>{r=!0}},[e,t,n]),r}function ln({page:e,matches:t,...n}){let r=z(),{future:i}=an(),{basename:a}=tn(),o=f.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=Gt(e,a,i.v8_trailingSlashAwareDataRequests,`rsc`),o=!1,s=[];for(let e of t)typeof e.route.shouldRevalidate==`function`?o=!0:s.push(e.route.id);return o&&s.length>0&&n.searchParams.set(`_routes`,s.join(`,`)),[n.pathname+n.search]},[a,i.v8_trailingSlashAwareDataRequests,e,r,t]);return f.createElement(f.Fragment,null,o.map(e=>f.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})))}function un({page:e,matches:t,...n}){let r=z(),{future:i,manifest:a,routeModules:o}=an(),{basename:s}=tn(),{loaderData:c,matches:l}=nn(),u=f.useMemo(()=>Xt(e,t,l,a,r,`data`),[e,t,l,a,r]),d=f.useMemo(()=>Xt(e,t,l,a,r,`assets`),[e,t,l,a,r]),p=f.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=new Set,l=!1;if(t.forEach(e=>{let t=a.routes[e.route.id];t&&t.hasLoader&&(!u.some(t=>t.route.id===e.route.id)&&e.route.id in c&&o[e.route.id]?.shouldRevalidate||t.hasClientLoader?l=!0:n.add(e.route.id))}),n.size===0)return[];let d=Gt(e,s,i.v8_trailingSlashAwareDataRequests,`data`);return l&&n.size>0&&d.searchParams.set(`_routes`,t.filter(e=>n.has(e.route.id)).map(e=>e.route.id).join(`,`)),[d.pathname+d.search]},[s,i.v8_trailingSlashAwareDataRequests,c,r,a,u,t,e,o]),m=f.useMemo(()=>Zt(d,a),[d,a]),h=cn(d);return f.createElement(f.Fragment,null,p.map(e=>f.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})),m.map(e=>f.createElement(`link`,{key:e,rel:`modulepreload`,href:e,...n})),h.map(({key:e,link:t})=>f.createElement(`link`,{key:e,nonce:n.nonce,...t,crossOrigin:t.crossOrigin??n.crossOrigin})))}function dn(...e){return t=>{e.forEach(e=>{typeof e==`function`?e(t):e!=null&&(e.current=t)})}}f.Component;var fn=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;try{fn&&(window.__reactRouterVersion=`7.18.7`)}catch{}function pn({basename:e,children:t,useTransitions:n,window:r}){let i=f.useRef();i.current??=v({window:r,v5Compat:!0});let a=i.current,[o,s]=f.useState({action:a.action,location:a.location}),c=f.useCallback(e=>{n===!1?s(e):f.startTransition(()=>s(e))},[n]);return f.useLayoutEffect(()=>a.listen(c),[a,c]),f.createElement(At,{basename:e,children:t,location:o.location,navigationType:o.action,navigator:a,useTransitions:n})}var J=f.forwardRef(function({onClick:e,discover:t=`render`,prefetch:n=`none`,relative:r,reloadDocument:i,replace:a,mask:o,state:s,target:c,to:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m,...h},g){let{basename:_,navigator:v,useTransitions:y}=f.useContext(F),b=typeof l==`string`&&p.test(l),x=Re(l,_);l=x.to;let S=tt(l,{relative:r}),C=z(),w=null;if(o){let e=j(o,[],C.mask?C.mask.pathname:`/`,!0);_!==`/`&&(e.pathname=e.pathname===`/`?_:M([_,e.pathname])),w=v.createHref(e)}let[T,ee,te]=on(n,h),ne=vn(l,{replace:a,mask:o,state:s,target:c,preventScrollReset:u,relative:r,viewTransition:d,defaultShouldRevalidate:m,useTransitions:y});function E(t){e&&e(t),t.defaultPrevented||ne(t)}let D=!(x.isExternal||i),re=(D?w:void 0)||x.absoluteURL||S;ie(re);let O=f.createElement(`a`,{...h,...te,href:re,onClick:D?E:e,ref:dn(g,ee),target:c,"data-discover":!b&&t===`render`?`true`:void 0});return T&&!b?f.createElement(f.Fragment,null,O,f.createElement(sn,{page:S})):O});J.displayName=`Link`;var mn=f.forwardRef(function({"aria-current":e=`page`,caseSensitive:t=!1,className:n=``,end:r=!1,style:i,to:a,viewTransition:o,children:s,...c},l){let u=V(a,{relative:c.relative}),d=z(),p=f.useContext(Ue),{navigator:m,basename:h}=f.useContext(F),g=p!=null&&wn(u)&&o===!0,_=m.encodeLocation?m.encodeLocation(u).pathname:u.pathname,v=d.pathname,y=p&&p.navigation&&p.navigation.location?p.navigation.location.pathname:null;t||(v=v.toLowerCase(),y=y?y.toLowerCase():null,_=_.toLowerCase()),y&&h&&(y=A(y,h)||y);let b=_!==`/`&&_.endsWith(`/`)?_.length-1:_.length,x=v===_||!r&&v.startsWith(_)&&v.charAt(b)===`/`,S=y!=null&&(y===_||!r&&y.startsWith(_)&&y.charAt(_.length)===`/`),C={isActive:x,isPending:S,isTransitioning:g},w=x?e:void 0,T;T=typeof n==`function`?n(C):[n,x?`active`:null,S?`pending`:null,g?`transitioning`:null].filter(Boolean).join(` `);let ee=typeof i==`function`?i(C):i;return f.createElement(J,{...c,"aria-current":w,className:T,ref:l,style:ee,to:a,viewTransition:o},typeof s==`function`?s(C):s)});mn.displayName=`NavLink`;var hn=f.forwardRef(({discover:e=`render`,fetcherKey:t,navigate:n,reloadDocument:r,replace:i,state:a,method:o=U,action:s,onSubmit:c,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m,...h},g)=>{let{useTransitions:_}=f.useContext(F),v=Sn(),y=Cn(s,{relative:l}),b=o.toLowerCase()===`get`?`get`:`post`,x=typeof s==`string`&&p.test(s);return f.createElement(`form`,{ref:g,method:b,action:y,onSubmit:r?c:e=>{if(c&&c(e),e.defaultPrevented)return;e.preventDefault();let r=e.nativeEvent.submitter,s=r?.getAttribute(`formmethod`)||o,p=()=>v(r||e.currentTarget,{fetcherKey:t,method:s,navigate:n,replace:i,state:a,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m});_&&n!==!1?f.startTransition(()=>p()):p()},...h,"data-discover":!x&&e===`render`?`true`:void 0})});hn.displayName=`Form`;function gn(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function _n(e){let t=f.useContext(P);return y(t,gn(e)),t}function vn(e,{target:t,replace:n,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c,useTransitions:l}={}){let u=B(),d=z(),p=V(e,{relative:o});return f.useCallback(m=>{if(Lt(m,t)){m.preventDefault();let t=n===void 0?w(d)===w(p):n,h=()=>u(e,{replace:t,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c});l?f.startTransition(()=>h()):h()}},[d,u,p,n,r,i,t,e,a,o,s,c,l])}function yn(e){b(typeof URLSearchParams<`u`,"You cannot use the `useSearchParams` hook in a browser that does not support the URLSearchParams API. If you need to support Internet Explorer 11, we recommend you load a polyfill such as https://github.com/ungap/url-search-params.");let t=f.useRef(Rt(e)),n=f.useRef(!1),r=z(),i=f.useMemo(()=>zt(r.search,n.current?null:t.current),[r.search]),a=B();return[i,f.useCallback((e,t)=>{let r=Rt(typeof e==`function`?e(new URLSearchParams(i)):e);n.current=!0,a(`?`+r,t)},[a,i])]}var bn=0,xn=()=>`__${String(++bn)}__`;function Sn(){let{router:e}=_n(`useSubmit`),{basename:t}=f.useContext(F),n=St(),r=e.fetch,i=e.navigate;return f.useCallback(async(e,a={})=>{let{action:o,method:s,encType:c,formData:l,body:u}=Ut(e,t);if(a.navigate===!1){let e=a.fetcherKey||xn();await r(e,n,a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,flushSync:a.flushSync})}else await i(a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,replace:a.replace,state:a.state,fromRouteId:n,flushSync:a.flushSync,viewTransition:a.viewTransition})},[r,i,t,n])}function Cn(e,{relative:t}={}){let{basename:n}=f.useContext(F),r=f.useContext(L);y(r,`useFormAction must be used inside a RouteContext`);let[i]=r.matches.slice(-1),a={...V(e||`.`,{relative:t})},o=z();if(e==null){a.search=o.search;let e=new URLSearchParams(a.search),t=e.getAll(`index`);if(t.some(e=>e===``)){e.delete(`index`),t.filter(e=>e).forEach(t=>e.append(`index`,t));let n=e.toString();a.search=n?`?${n}`:``}}(!e||e===`.`)&&i.route.index&&(a.search=a.search?a.search.replace(/^\?/,`?index&`):`?index`),n!==`/`&&(a.pathname=a.pathname===`/`?n:M([n,a.pathname]));let s=w(a);return ie(s),s}function wn(e,{relative:t}={}){let n=f.useContext(Ke);y(n!=null,"`useViewTransitionState` must be used within `react-router-dom`'s `RouterProvider`.  Did you accidentally import `RouterProvider` from `react-router`?");let{basename:r}=_n(`useViewTransitionState`),i=V(e,{relative:t});if(!n.isTransitioning)return!1;let a=A(n.currentLocation.pathname,r)||n.currentLocation.pathname,o=A(n.nextLocation.pathname,r)||n.nextLocation.pathname;return k(i.pathname,o)!=null||k(i.pathname,a)!=null}var Tn=t(),En=`/graphql`,Y=class extends Error{kind;constructor(e,t){super(e),this.kind=t}};async function Dn(e,t){let n;try{n=await fetch(En,{method:`POST`,headers:{"Content-Type":`application/json`,...s()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new Y(`Cannot reach the control plane at ${window.location.origin}. Is \`lodestar up\` running?`,`unreachable`)}if(n.status===401)throw i(!0),new Y(`The control plane asks for an API token.`,`auth`);let r;try{r=await n.json()}catch{throw new Y(`The control plane answered HTTP ${n.status}.`,`http`)}if(r.errors?.length)throw new Y(`GraphQL error: ${r.errors.map(e=>e.message).join(`; `)}`,`graphql`);if(!n.ok||r.data===void 0)throw new Y(`The control plane answered HTTP ${n.status}.`,`http`);return i(!1),r.data}var On=new Map;function kn(e,t){return`${e.toString()}\u0000${t}`}function An(e,t){let n=Dn(e,t);n.catch(()=>void 0),On.set(kn(e,JSON.stringify(t)),n)}function jn(e,t){let n=kn(e,t),r=On.get(n);return On.delete(n),r}function Mn(e,t,n={}){let{pollMs:i,skip:a}=n,o=JSON.stringify(t),[s,c]=(0,f.useState)({}),l=(0,f.useRef)(0),u=(0,f.useRef)(0),d=(0,f.useCallback)(async()=>{let t=++l.current;u.current++;try{let n=await(jn(e,o)??Dn(e,JSON.parse(o)));t===l.current&&c({data:n,key:o})}catch(e){if(t===l.current){let t=e instanceof Y?e:new Y(String(e),`graphql`);c(e=>({...e,error:t,key:o}))}}finally{u.current--}},[e,o]);(0,f.useEffect)(()=>{if(!a)return d(),r(()=>void d())},[d,a]),(0,f.useEffect)(()=>{if(a||!i)return;let e=!1,t,n=async()=>{u.current===0&&await d(),e||(t=window.setTimeout(n,i))};return t=window.setTimeout(n,i),()=>{e=!0,window.clearTimeout(t)}},[d,i,a]);let p=s.key===o;return{data:p?s.data:void 0,error:p?s.error:void 0,loading:!p||s.data===void 0&&s.error===void 0,refetch:d}}var X=d();function Nn(){let[e,t]=(0,f.useState)(a()),[n,r]=(0,f.useState)(``);return(0,f.useEffect)(()=>c(t),[]),e?(0,X.jsxs)(`form`,{className:`token-prompt`,onSubmit:e=>{e.preventDefault(),u(n.trim()||null)},children:[(0,X.jsx)(`strong`,{children:`This control plane needs an API token.`}),l()&&(0,X.jsx)(`span`,{className:`error-text`,children:` The stored token was refused.`}),(0,X.jsx)(`input`,{type:`password`,"aria-label":`API token`,placeholder:`server.auth_token`,value:n,onChange:e=>r(e.target.value)}),(0,X.jsx)(`button`,{type:`submit`,children:`Use token`})]}):null}var Pn=[{path:`/locations`,label:`Code locations`},{path:`/runs`,label:`Runs`},{path:`/partitions`,label:`Partitions`},{path:`/backfills`,label:`Backfills`},{path:`/catalog`,label:`Assets`},{path:`/schedules`,label:`Schedules & sensors`},{path:`/instance`,label:`Instance`}];function Fn(){return(0,X.jsxs)(`div`,{className:`app`,children:[(0,X.jsxs)(`header`,{className:`top`,children:[(0,X.jsx)(mn,{to:`/`,className:`brand`,children:`Lodestar`}),(0,X.jsxs)(`nav`,{children:[Pn.map(e=>(0,X.jsx)(mn,{to:e.path,children:e.label},e.path)),(0,X.jsx)(`a`,{href:`/graphql`,children:`GraphiQL`})]})]}),(0,X.jsx)(Nn,{}),(0,X.jsx)(`main`,{children:(0,X.jsx)(kt,{})})]})}function In({status:e}){return(0,X.jsx)(`span`,{className:`status status-${e.toLowerCase()}`,children:e})}function Z({title:e,children:t}){return(0,X.jsxs)(`div`,{className:`error-box`,role:`alert`,children:[(0,X.jsx)(`strong`,{children:e}),t&&(0,X.jsx)(`div`,{children:t})]})}function Ln({error:e,loading:t}){return e?(0,X.jsx)(Z,{title:e.message}):t?(0,X.jsx)(`p`,{className:`muted`,children:`Loading…`}):null}function Rn({result:e}){return(0,X.jsx)(Z,{title:e.message??`Unknown error`,children:e.__typename})}function zn(e){if(e==null||e<0)return`–`;if(e<1)return`${Math.round(e*1e3)} ms`;if(e<60)return`${e.toFixed(1)} s`;let t=Math.floor(e/60);return t<60?`${t}m ${Math.round(e%60)}s`:`${Math.floor(t/60)}h ${t%60}m`}function Bn(e){return e==null?`–`:new Date(e*1e3).toLocaleString()}var Q=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Vn=new Q(`
    fragment BackfillFields on Backfill {
  backfillId
  partitionSet
  location
  status
  fromFailure
  error
  createdAt
  tags {
    key
    value
  }
  progress {
    requested
    submitted
    skipped
    queued
    inProgress
    succeeded
    failed
    canceled
    done
    finished
    state
  }
}
    `,{fragmentName:`BackfillFields`}),Hn=new Q(`
    fragment TickFields on Tick {
  tickId
  timestamp
  status
  runIds
  skipReason
  error
  cursor
}
    `,{fragmentName:`TickFields`}),Un=new Q(`
    fragment PreviewFields on PreviewResult {
  __typename
  ... on TickPreviews {
    nodes {
      timestamp
      skipReason
      error
      cursor
      runs {
        runKey
        runConfig
        tags {
          key
          value
        }
      }
    }
  }
  ... on Error {
    message
  }
}
    `,{fragmentName:`PreviewFields`}),Wn=new Q(`
    fragment MaterializationFields on AssetMaterialization {
  cursor
  runId
  stepKey
  timestamp
  partition
  description
  metadata
}
    `,{fragmentName:`MaterializationFields`});new Q(`
    fragment LineageFields on LineageEntry {
  key {
    key
  }
  above {
    key
  }
  depth
  truncated
}
    `,{fragmentName:`LineageFields`});var Gn=new Q(`
    fragment RunEventFields on RunEvent {
  cursor
  stepKey
  eventType
  timestamp
  message
  level
  attempt
  error {
    className
    message
    stack
    cause
  }
}
    `,{fragmentName:`RunEventFields`}),Kn={"\n  fragment BackfillFields on Backfill {\n    backfillId\n    partitionSet\n    location\n    status\n    fromFailure\n    error\n    createdAt\n    tags {\n      key\n      value\n    }\n    progress {\n      requested\n      submitted\n      skipped\n      queued\n      inProgress\n      succeeded\n      failed\n      canceled\n      done\n      finished\n      state\n    }\n  }\n":Vn,"\n  query Backfill($id: String!, $withPartitions: Boolean!) {\n    backfill(id: $id) {\n      __typename\n      ... on Backfill {\n        ...BackfillFields\n        daemonHeartbeatAge\n        partitionStatuses @include(if: $withPartitions) {\n          partition\n          status\n          runId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Backfill($id: String!, $withPartitions: Boolean!) {
  backfill(id: $id) {
    __typename
    ... on Backfill {
      ...BackfillFields
      daemonHeartbeatAge
      partitionStatuses @include(if: $withPartitions) {
        partition
        status
        runId
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment BackfillFields on Backfill {
  backfillId
  partitionSet
  location
  status
  fromFailure
  error
  createdAt
  tags {
    key
    value
  }
  progress {
    requested
    submitted
    skipped
    queued
    inProgress
    succeeded
    failed
    canceled
    done
    finished
    state
  }
}`),"\n  mutation CancelBackfill($id: String!, $terminate: Boolean!) {\n    cancelBackfill(backfillId: $id, terminate: $terminate) {\n      __typename\n      ... on CancelBackfillSuccess {\n        backfill {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation CancelBackfill($id: String!, $terminate: Boolean!) {
  cancelBackfill(backfillId: $id, terminate: $terminate) {
    __typename
    ... on CancelBackfillSuccess {
      backfill {
        status
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  fragment TickFields on Tick {\n    tickId\n    timestamp\n    status\n    runIds\n    skipReason\n    error\n    cursor\n  }\n":Hn,"\n  fragment PreviewFields on PreviewResult {\n    __typename\n    ... on TickPreviews {\n      nodes {\n        timestamp\n        skipReason\n        error\n        cursor\n        runs {\n          runKey\n          runConfig\n          tags {\n            key\n            value\n          }\n        }\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n":Un,"\n  query Instigators {\n    schedules {\n      __typename\n      ... on ScheduleConnection {\n        nodes {\n          name\n          location\n          status\n          definitionMissing\n          pipelineName\n          cronSchedule\n          executionTimezone\n          nextTickTimestamp\n          lastTick {\n            ...TickFields\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    sensors {\n      __typename\n      ... on SensorConnection {\n        nodes {\n          name\n          location\n          status\n          definitionMissing\n          pipelineName\n          minimumIntervalSeconds\n          isPipelineFailureSensor\n          cursor\n          lastTickTimestamp\n          lastTick {\n            ...TickFields\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Instigators {
  schedules {
    __typename
    ... on ScheduleConnection {
      nodes {
        name
        location
        status
        definitionMissing
        pipelineName
        cronSchedule
        executionTimezone
        nextTickTimestamp
        lastTick {
          ...TickFields
        }
      }
    }
    ... on Error {
      message
    }
  }
  sensors {
    __typename
    ... on SensorConnection {
      nodes {
        name
        location
        status
        definitionMissing
        pipelineName
        minimumIntervalSeconds
        isPipelineFailureSensor
        cursor
        lastTickTimestamp
        lastTick {
          ...TickFields
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment TickFields on Tick {
  tickId
  timestamp
  status
  runIds
  skipReason
  error
  cursor
}`),"\n  query Schedule($name: String!, $limit: Int!, $withPreview: Boolean!) {\n    schedule(name: $name) {\n      __typename\n      ... on Schedule {\n        name\n        location\n        status\n        definitionMissing\n        pipelineName\n        cronSchedule\n        executionTimezone\n        partitionSet\n        description\n        nextTickTimestamp\n        ticks(limit: $limit) {\n          ...TickFields\n        }\n        preview(ticks: 3) @include(if: $withPreview) {\n          ...PreviewFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Schedule($name: String!, $limit: Int!, $withPreview: Boolean!) {
  schedule(name: $name) {
    __typename
    ... on Schedule {
      name
      location
      status
      definitionMissing
      pipelineName
      cronSchedule
      executionTimezone
      partitionSet
      description
      nextTickTimestamp
      ticks(limit: $limit) {
        ...TickFields
      }
      preview(ticks: 3) @include(if: $withPreview) {
        ...PreviewFields
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment TickFields on Tick {
  tickId
  timestamp
  status
  runIds
  skipReason
  error
  cursor
}
fragment PreviewFields on PreviewResult {
  __typename
  ... on TickPreviews {
    nodes {
      timestamp
      skipReason
      error
      cursor
      runs {
        runKey
        runConfig
        tags {
          key
          value
        }
      }
    }
  }
  ... on Error {
    message
  }
}`),"\n  query Sensor($name: String!, $limit: Int!, $withPreview: Boolean!) {\n    sensor(name: $name) {\n      __typename\n      ... on Sensor {\n        name\n        location\n        status\n        definitionMissing\n        pipelineName\n        minimumIntervalSeconds\n        isPipelineFailureSensor\n        description\n        cursor\n        lastTickTimestamp\n        ticks(limit: $limit) {\n          ...TickFields\n        }\n        preview @include(if: $withPreview) {\n          ...PreviewFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Sensor($name: String!, $limit: Int!, $withPreview: Boolean!) {
  sensor(name: $name) {
    __typename
    ... on Sensor {
      name
      location
      status
      definitionMissing
      pipelineName
      minimumIntervalSeconds
      isPipelineFailureSensor
      description
      cursor
      lastTickTimestamp
      ticks(limit: $limit) {
        ...TickFields
      }
      preview @include(if: $withPreview) {
        ...PreviewFields
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment TickFields on Tick {
  tickId
  timestamp
  status
  runIds
  skipReason
  error
  cursor
}
fragment PreviewFields on PreviewResult {
  __typename
  ... on TickPreviews {
    nodes {
      timestamp
      skipReason
      error
      cursor
      runs {
        runKey
        runConfig
        tags {
          key
          value
        }
      }
    }
  }
  ... on Error {
    message
  }
}`),"\n  mutation StartSchedule($name: String!) {\n    startSchedule(name: $name) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation StartSchedule($name: String!) {
  startSchedule(name: $name) {
    __typename
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation StopSchedule($name: String!) {\n    stopSchedule(name: $name) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation StopSchedule($name: String!) {
  stopSchedule(name: $name) {
    __typename
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation StartSensor($name: String!) {\n    startSensor(name: $name) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation StartSensor($name: String!) {
  startSensor(name: $name) {
    __typename
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation StopSensor($name: String!) {\n    stopSensor(name: $name) {\n      __typename\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation StopSensor($name: String!) {
  stopSensor(name: $name) {
    __typename
    ... on Error {
      message
    }
  }
}
    `),"\n  fragment MaterializationFields on AssetMaterialization {\n    cursor\n    runId\n    stepKey\n    timestamp\n    partition\n    description\n    metadata\n  }\n":Wn,"\n  query Asset($key: String!) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        key {\n          key\n        }\n        materializationCount\n        wipedAt\n        definedBy {\n          location\n          pipeline\n          solid\n          output\n        }\n        latestMaterialization {\n          ...MaterializationFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Asset($key: String!) {
  asset(key: $key) {
    __typename
    ... on Asset {
      key {
        key
      }
      materializationCount
      wipedAt
      definedBy {
        location
        pipeline
        solid
        output
      }
      latestMaterialization {
        ...MaterializationFields
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment MaterializationFields on AssetMaterialization {
  cursor
  runId
  stepKey
  timestamp
  partition
  description
  metadata
}`),"\n  query AssetHistory($key: String!, $cursor: String) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        materializations(limit: 20, cursor: $cursor) {\n          __typename\n          ... on AssetMaterializationConnection {\n            cursor\n            hasMore\n            nodes {\n              ...MaterializationFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query AssetHistory($key: String!, $cursor: String) {
  asset(key: $key) {
    __typename
    ... on Asset {
      materializations(limit: 20, cursor: $cursor) {
        __typename
        ... on AssetMaterializationConnection {
          cursor
          hasMore
          nodes {
            ...MaterializationFields
          }
        }
        ... on Error {
          message
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment MaterializationFields on AssetMaterialization {
  cursor
  runId
  stepKey
  timestamp
  partition
  description
  metadata
}`),"\n  query AssetLineage($key: String!, $depth: Int) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        upstream: lineage(direction: UPSTREAM, depth: $depth) {\n          __typename\n          ... on AssetLineage {\n            nodes {\n              ...LineageFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n        downstream: lineage(direction: DOWNSTREAM, depth: $depth) {\n          __typename\n          ... on AssetLineage {\n            nodes {\n              ...LineageFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n\n  fragment LineageFields on LineageEntry {\n    key {\n      key\n    }\n    above {\n      key\n    }\n    depth\n    truncated\n  }\n":new Q(`
    query AssetLineage($key: String!, $depth: Int) {
  asset(key: $key) {
    __typename
    ... on Asset {
      upstream: lineage(direction: UPSTREAM, depth: $depth) {
        __typename
        ... on AssetLineage {
          nodes {
            ...LineageFields
          }
        }
        ... on Error {
          message
        }
      }
      downstream: lineage(direction: DOWNSTREAM, depth: $depth) {
        __typename
        ... on AssetLineage {
          nodes {
            ...LineageFields
          }
        }
        ... on Error {
          message
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment LineageFields on LineageEntry {
  key {
    key
  }
  above {
    key
  }
  depth
  truncated
}`),"\n  mutation WipeAsset($key: String!) {\n    wipeAsset(key: $key) {\n      __typename\n      ... on WipeAssetSuccess {\n        wiped\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation WipeAsset($key: String!) {
  wipeAsset(key: $key) {
    __typename
    ... on WipeAssetSuccess {
      wiped
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Assets {\n    assets {\n      __typename\n      ... on AssetConnection {\n        nodes {\n          key {\n            key\n          }\n          materializationCount\n          latestMaterialization {\n            timestamp\n            runId\n            partition\n          }\n          definedBy {\n            pipeline\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Assets {
  assets {
    __typename
    ... on AssetConnection {
      nodes {
        key {
          key
        }
        materializationCount
        latestMaterialization {
          timestamp
          runId
          partition
        }
        definedBy {
          pipeline
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Backfills {\n    backfills(limit: 100) {\n      __typename\n      ... on BackfillConnection {\n        nodes {\n          ...BackfillFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Backfills {
  backfills(limit: 100) {
    __typename
    ... on BackfillConnection {
      nodes {
        ...BackfillFields
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment BackfillFields on Backfill {
  backfillId
  partitionSet
  location
  status
  fromFailure
  error
  createdAt
  tags {
    key
    value
  }
  progress {
    requested
    submitted
    skipped
    queued
    inProgress
    succeeded
    failed
    canceled
    done
    finished
    state
  }
}`),"\n  query CodeLocations {\n    codeLocations {\n      __typename\n      ... on CodeLocationConnection {\n        nodes {\n          name\n          address\n          status\n          error\n          serverId\n          repositoryName\n          pipelines {\n            name\n            description\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query CodeLocations {
  codeLocations {
    __typename
    ... on CodeLocationConnection {
      nodes {
        name
        address
        status
        error
        serverId
        repositoryName
        pipelines {
          name
          description
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation ReloadCodeLocation($name: String!) {\n    reloadCodeLocation(name: $name) {\n      __typename\n      ... on CodeLocation {\n        name\n        status\n        error\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation ReloadCodeLocation($name: String!) {
  reloadCodeLocation(name: $name) {
    __typename
    ... on CodeLocation {
      name
      status
      error
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Instance {\n    instance {\n      processId\n      isDaemonLeader\n      daemonLeader {\n        holder\n        term\n        expiresAt\n        expiresIn\n      }\n      daemonHeartbeats {\n        daemonType\n        daemonId\n        timestamp\n        age\n      }\n      maxConcurrentRuns\n      backfillChunkSize\n      backfillIntervalSeconds\n      leaseTtlSeconds\n    }\n    inFlight: runs(filter: { statuses: [STARTING, STARTED, CANCELING] }, limit: 100) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          pipelineName\n          status\n          startTime\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    queued: runs(filter: { statuses: [QUEUED] }, limit: 1) {\n      __typename\n      ... on RunConnection {\n        count\n      }\n    }\n  }\n":new Q(`
    query Instance {
  instance {
    processId
    isDaemonLeader
    daemonLeader {
      holder
      term
      expiresAt
      expiresIn
    }
    daemonHeartbeats {
      daemonType
      daemonId
      timestamp
      age
    }
    maxConcurrentRuns
    backfillChunkSize
    backfillIntervalSeconds
    leaseTtlSeconds
  }
  inFlight: runs(filter: {statuses: [STARTING, STARTED, CANCELING]}, limit: 100) {
    __typename
    ... on RunConnection {
      count
      nodes {
        runId
        pipelineName
        status
        startTime
      }
    }
    ... on Error {
      message
    }
  }
  queued: runs(filter: {statuses: [QUEUED]}, limit: 1) {
    __typename
    ... on RunConnection {
      count
    }
  }
}
    `),"\n  query ValidateRunConfig(\n    $pipeline: String!\n    $location: String\n    $runConfig: JSON\n    $mode: String\n    $solidSelection: [String!]\n  ) {\n    executionPlan(\n      pipeline: $pipeline\n      location: $location\n      runConfig: $runConfig\n      mode: $mode\n      solidSelection: $solidSelection\n    ) {\n      __typename\n      ... on ExecutionPlan {\n        steps {\n          key\n        }\n      }\n      ... on RunConfigValidationError {\n        errors {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query ValidateRunConfig($pipeline: String!, $location: String, $runConfig: JSON, $mode: String, $solidSelection: [String!]) {
  executionPlan(
    pipeline: $pipeline
    location: $location
    runConfig: $runConfig
    mode: $mode
    solidSelection: $solidSelection
  ) {
    __typename
    ... on ExecutionPlan {
      steps {
        key
      }
    }
    ... on RunConfigValidationError {
      errors {
        path
        message
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation LaunchRun(\n    $pipeline: String!\n    $location: String\n    $runConfig: JSON\n    $mode: String\n    $solidSelection: [String!]\n    $tags: [TagInput!]\n    $preset: String\n  ) {\n    launchRun(\n      pipeline: $pipeline\n      location: $location\n      runConfig: $runConfig\n      mode: $mode\n      solidSelection: $solidSelection\n      tags: $tags\n      preset: $preset\n    ) {\n      __typename\n      ... on LaunchRunSuccess {\n        run {\n          runId\n        }\n      }\n      ... on RunConfigValidationError {\n        errors {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation LaunchRun($pipeline: String!, $location: String, $runConfig: JSON, $mode: String, $solidSelection: [String!], $tags: [TagInput!], $preset: String) {
  launchRun(
    pipeline: $pipeline
    location: $location
    runConfig: $runConfig
    mode: $mode
    solidSelection: $solidSelection
    tags: $tags
    preset: $preset
  ) {
    __typename
    ... on LaunchRunSuccess {
      run {
        runId
      }
    }
    ... on RunConfigValidationError {
      errors {
        path
        message
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query PartitionRuns($partitionSet: String!, $partition: String!) {\n    partitionRuns(partitionSet: $partitionSet, partition: $partition, limit: 50) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          status\n          createdAt\n          parentRunId\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query PartitionRuns($partitionSet: String!, $partition: String!) {
  partitionRuns(partitionSet: $partitionSet, partition: $partition, limit: 50) {
    __typename
    ... on RunConnection {
      count
      nodes {
        runId
        status
        createdAt
        parentRunId
        tags {
          key
          value
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation LaunchBackfill(\n    $partitionSet: String!\n    $partitions: [String!]\n    $fromPartition: String\n    $toPartition: String\n    $all: Boolean!\n    $fromFailure: Boolean!\n    $tags: [TagInput!]\n  ) {\n    launchBackfill(\n      partitionSet: $partitionSet\n      partitions: $partitions\n      fromPartition: $fromPartition\n      toPartition: $toPartition\n      all: $all\n      fromFailure: $fromFailure\n      tags: $tags\n    ) {\n      __typename\n      ... on LaunchBackfillSuccess {\n        backfill {\n          backfillId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation LaunchBackfill($partitionSet: String!, $partitions: [String!], $fromPartition: String, $toPartition: String, $all: Boolean!, $fromFailure: Boolean!, $tags: [TagInput!]) {
  launchBackfill(
    partitionSet: $partitionSet
    partitions: $partitions
    fromPartition: $fromPartition
    toPartition: $toPartition
    all: $all
    fromFailure: $fromFailure
    tags: $tags
  ) {
    __typename
    ... on LaunchBackfillSuccess {
      backfill {
        backfillId
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query PartitionSets {\n    partitionSets {\n      __typename\n      ... on PartitionSetConnection {\n        nodes {\n          name\n          location\n          pipelineName\n          mode\n          description\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query PartitionSets {
  partitionSets {
    __typename
    ... on PartitionSetConnection {
      nodes {
        name
        location
        pipelineName
        mode
        description
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {\n    runs(filter: $filter, limit: $limit, cursor: $cursor) {\n      __typename\n      ... on RunConnection {\n        count\n        cursor\n        hasMore\n        nodes {\n          runId\n          pipelineName\n          location\n          status\n          createdAt\n          startTime\n          endTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {
  runs(filter: $filter, limit: $limit, cursor: $cursor) {
    __typename
    ... on RunConnection {
      count
      cursor
      hasMore
      nodes {
        runId
        pipelineName
        location
        status
        createdAt
        startTime
        endTime
        tags {
          key
          value
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Pipeline($name: String!, $location: String) {\n    pipeline(name: $name, location: $location) {\n      __typename\n      ... on Pipeline {\n        name\n        location\n        description\n        tags {\n          key\n          value\n        }\n        modes {\n          name\n          description\n          resources {\n            name\n            description\n            configSchema\n          }\n        }\n        presets {\n          name\n          runConfig\n          mode\n          solidSelection\n          tags {\n            key\n            value\n          }\n        }\n        dependencies {\n          solid\n          upstreamSolid\n          kind\n        }\n        solids {\n          name\n          definitionName\n          description\n          configSchema\n          requiredResourceKeys\n          tags {\n            key\n            value\n          }\n          retryPolicy {\n            maxRetries\n            delay\n          }\n          mappedOver {\n            solid\n            output\n          }\n          inputs {\n            name\n            type\n            description\n            hasDefault\n            sources {\n              solid\n              output\n              kind\n            }\n          }\n          outputs {\n            name\n            type\n            description\n            isDynamic\n            isRequired\n            assetKey {\n              key\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query Pipeline($name: String!, $location: String) {
  pipeline(name: $name, location: $location) {
    __typename
    ... on Pipeline {
      name
      location
      description
      tags {
        key
        value
      }
      modes {
        name
        description
        resources {
          name
          description
          configSchema
        }
      }
      presets {
        name
        runConfig
        mode
        solidSelection
        tags {
          key
          value
        }
      }
      dependencies {
        solid
        upstreamSolid
        kind
      }
      solids {
        name
        definitionName
        description
        configSchema
        requiredResourceKeys
        tags {
          key
          value
        }
        retryPolicy {
          maxRetries
          delay
        }
        mappedOver {
          solid
          output
        }
        inputs {
          name
          type
          description
          hasDefault
          sources {
            solid
            output
            kind
          }
        }
        outputs {
          name
          type
          description
          isDynamic
          isRequired
          assetKey {
            key
          }
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query PartitionSetPage($name: String!) {\n    partitionSet(name: $name) {\n      __typename\n      ... on PartitionSet {\n        name\n        location\n        pipelineName\n        mode\n        description\n        statusMatrix {\n          __typename\n          ... on StatusMatrix {\n            solids\n            partitions\n            cells\n            runIds\n            runStatuses\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query PartitionSetPage($name: String!) {
  partitionSet(name: $name) {
    __typename
    ... on PartitionSet {
      name
      location
      pipelineName
      mode
      description
      statusMatrix {
        __typename
        ... on StatusMatrix {
          solids
          partitions
          cells
          runIds
          runStatuses
        }
        ... on Error {
          message
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  query Run($runId: String!) {\n    run(runId: $runId) {\n      __typename\n      ... on Run {\n        runId\n        pipelineName\n        location\n        status\n        mode\n        runConfig\n        solidSelection\n        stepSelection\n        parentRunId\n        rootRunId\n        createdAt\n        startTime\n        endTime\n        tags {\n          key\n          value\n        }\n        stepStats {\n          stepKey\n          status\n          attempts\n          startTime\n          endTime\n          error\n        }\n        stepFailures {\n          ...RunEventFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    children: runs(filter: { parentRunId: $runId }, limit: 100) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          status\n          stepSelection\n        }\n      }\n    }\n  }\n":new Q(`
    query Run($runId: String!) {
  run(runId: $runId) {
    __typename
    ... on Run {
      runId
      pipelineName
      location
      status
      mode
      runConfig
      solidSelection
      stepSelection
      parentRunId
      rootRunId
      createdAt
      startTime
      endTime
      tags {
        key
        value
      }
      stepStats {
        stepKey
        status
        attempts
        startTime
        endTime
        error
      }
      stepFailures {
        ...RunEventFields
      }
    }
    ... on Error {
      message
    }
  }
  children: runs(filter: {parentRunId: $runId}, limit: 100) {
    __typename
    ... on RunConnection {
      count
      nodes {
        runId
        status
        stepSelection
      }
    }
  }
}
    fragment RunEventFields on RunEvent {
  cursor
  stepKey
  eventType
  timestamp
  message
  level
  attempt
  error {
    className
    message
    stack
    cause
  }
}`),"\n  fragment RunEventFields on RunEvent {\n    cursor\n    stepKey\n    eventType\n    timestamp\n    message\n    level\n    attempt\n    error {\n      className\n      message\n      stack\n      cause\n    }\n  }\n":Gn,"\n  query RunEvents($runId: String!, $afterCursor: String, $limit: Int!) {\n    runEvents(runId: $runId, afterCursor: $afterCursor, limit: $limit) {\n      __typename\n      ... on RunEventConnection {\n        cursor\n        hasMore\n        events {\n          ...RunEventFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    query RunEvents($runId: String!, $afterCursor: String, $limit: Int!) {
  runEvents(runId: $runId, afterCursor: $afterCursor, limit: $limit) {
    __typename
    ... on RunEventConnection {
      cursor
      hasMore
      events {
        ...RunEventFields
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment RunEventFields on RunEvent {
  cursor
  stepKey
  eventType
  timestamp
  message
  level
  attempt
  error {
    className
    message
    stack
    cause
  }
}`),"\n  mutation TerminateRun($runId: String!) {\n    terminateRun(runId: $runId) {\n      __typename\n      ... on TerminateRunSuccess {\n        run {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation TerminateRun($runId: String!) {
  terminateRun(runId: $runId) {
    __typename
    ... on TerminateRunSuccess {
      run {
        status
      }
    }
    ... on Error {
      message
    }
  }
}
    `),"\n  mutation ReexecuteRun($runId: String!, $fromFailure: Boolean!, $stepSelection: [String!]) {\n    reexecuteRun(runId: $runId, fromFailure: $fromFailure, stepSelection: $stepSelection) {\n      __typename\n      ... on LaunchRunSuccess {\n        run {\n          runId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new Q(`
    mutation ReexecuteRun($runId: String!, $fromFailure: Boolean!, $stepSelection: [String!]) {
  reexecuteRun(
    runId: $runId
    fromFailure: $fromFailure
    stepSelection: $stepSelection
  ) {
    __typename
    ... on LaunchRunSuccess {
      run {
        runId
      }
    }
    ... on Error {
      message
    }
  }
}
    `)};function $(e){return Kn[e]??{}}var qn=$(`
  query CodeLocations {
    codeLocations {
      __typename
      ... on CodeLocationConnection {
        nodes {
          name
          address
          status
          error
          serverId
          repositoryName
          pipelines {
            name
            description
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`),Jn=$(`
  mutation ReloadCodeLocation($name: String!) {
    reloadCodeLocation(name: $name) {
      __typename
      ... on CodeLocation {
        name
        status
        error
      }
      ... on Error {
        message
      }
    }
  }
`);function Yn(){let{data:e,error:t,loading:n,refetch:r}=Mn(qn,{},{pollMs:3e3}),[i,a]=(0,f.useState)(null),[o,s]=(0,f.useState)({});async function c(e){a(e);try{let t=(await Dn(Jn,{name:e})).reloadCodeLocation,n=t.__typename===`CodeLocation`?`Reloaded: ${t.status}${t.error?` (${t.error.split(`
`)[0]})`:``}`:`Reload failed: ${t.message}`;s(t=>({...t,[e]:n}))}catch(t){s(n=>({...n,[e]:`Reload failed: ${t.message}`}))}finally{a(null),await r()}}let l=e?.codeLocations;return(0,X.jsxs)(`section`,{children:[(0,X.jsx)(`h1`,{children:`Code locations`}),(0,X.jsx)(Ln,{error:t,loading:n&&!e}),l&&l.__typename!==`CodeLocationConnection`&&(0,X.jsx)(Rn,{result:l}),l?.__typename===`CodeLocationConnection`&&(l.nodes.length===0?(0,X.jsx)(Z,{title:`The workspace has no code locations.`}):l.nodes.map(e=>(0,X.jsxs)(`article`,{className:`card location`,"data-location":e.name,children:[(0,X.jsxs)(`header`,{className:`card-head`,children:[(0,X.jsx)(`h2`,{children:e.name}),(0,X.jsx)(In,{status:e.status}),(0,X.jsxs)(`span`,{className:`muted`,children:[e.address,e.repositoryName&&` · repository ${e.repositoryName}`]}),(0,X.jsx)(`button`,{onClick:()=>void c(e.name),disabled:i===e.name,children:i===e.name?`Reloading…`:`Reload`})]}),o[e.name]&&(0,X.jsx)(`p`,{className:`muted reload-outcome`,children:o[e.name]}),e.error&&(0,X.jsxs)(`div`,{className:`error-box`,children:[(0,X.jsx)(`strong`,{children:`Load error`}),(0,X.jsx)(`pre`,{className:`stack`,children:e.error})]}),e.pipelines.length>0&&(0,X.jsxs)(`table`,{className:`grid`,children:[(0,X.jsx)(`thead`,{children:(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`th`,{children:`Pipeline`}),(0,X.jsx)(`th`,{children:`Description`}),(0,X.jsx)(`th`,{})]})}),(0,X.jsx)(`tbody`,{children:e.pipelines.map(t=>{let n=`/locations/${encodeURIComponent(e.name)}/pipelines/${encodeURIComponent(t.name)}`;return(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`td`,{children:(0,X.jsx)(J,{to:n,children:t.name})}),(0,X.jsx)(`td`,{children:t.description}),(0,X.jsx)(`td`,{children:(0,X.jsx)(J,{to:`${n}/launchpad`,children:`Launchpad`})})]},t.name)})})]})]},e.name)))]})}var Xn=$(`
  query PartitionSetPage($name: String!) {
    partitionSet(name: $name) {
      __typename
      ... on PartitionSet {
        name
        location
        pipelineName
        mode
        description
        statusMatrix {
          __typename
          ... on StatusMatrix {
            solids
            partitions
            cells
            runIds
            runStatuses
          }
          ... on Error {
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`),Zn=$(`
  query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {
    runs(filter: $filter, limit: $limit, cursor: $cursor) {
      __typename
      ... on RunConnection {
        count
        cursor
        hasMore
        nodes {
          runId
          pipelineName
          location
          status
          createdAt
          startTime
          endTime
          tags {
            key
            value
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`),Qn=[`QUEUED`,`STARTING`,`STARTED`,`SUCCESS`,`FAILURE`,`CANCELING`,`CANCELED`],$n=50;function er(e){let t=e.indexOf(`=`);return t>0?{key:e.slice(0,t).trim(),value:e.slice(t+1).trim()}:null}function tr(){let[e,t]=yn(),n=e.getAll(`status`),r=e.get(`pipeline`)??``,i=e.getAll(`tag`).map(er).filter(e=>e!==null),a=e.get(`cursor`),[o,s]=(0,f.useState)([]),{data:c,error:l,loading:u}=Mn(Zn,{filter:{statuses:n.length?n:null,pipelineName:r||null,tags:i.length?i:null},limit:$n,cursor:a},{pollMs:2e3});function d(n){let r=new URLSearchParams(e);n(r),r.delete(`cursor`),s([]),t(r)}function p(n,r){let i=new URLSearchParams(e);n?i.set(`cursor`,n):i.delete(`cursor`),s(r?o.slice(0,-1):[...o,a]),t(i)}let m=c?.runs;return(0,X.jsxs)(`section`,{children:[(0,X.jsx)(`h1`,{children:`Runs`}),(0,X.jsxs)(`div`,{className:`filters`,children:[(0,X.jsx)(`fieldset`,{className:`status-filter`,children:Qn.map(e=>(0,X.jsxs)(`label`,{children:[(0,X.jsx)(`input`,{type:`checkbox`,checked:n.includes(e),onChange:t=>d(r=>{let i=t.target.checked?[...n,e]:n.filter(t=>t!==e);r.delete(`status`),i.forEach(e=>r.append(`status`,e))})}),e]},e))}),(0,X.jsx)(nr,{label:`Pipeline`,initial:r,onApply:e=>d(t=>e?t.set(`pipeline`,e):t.delete(`pipeline`))}),(0,X.jsx)(nr,{label:`Tag key=value`,initial:e.getAll(`tag`).join(`, `),onApply:e=>d(t=>{t.delete(`tag`),e.split(`,`).map(e=>e.trim()).filter(e=>er(e)).forEach(e=>t.append(`tag`,e))})})]}),(0,X.jsx)(Ln,{error:l,loading:u&&!c}),m&&m.__typename!==`RunConnection`&&(0,X.jsx)(Rn,{result:m}),m?.__typename===`RunConnection`&&(0,X.jsxs)(X.Fragment,{children:[(0,X.jsxs)(`p`,{className:`muted`,children:[m.count,` run`,m.count===1?``:`s`]}),(0,X.jsxs)(`table`,{className:`grid runs`,children:[(0,X.jsx)(`thead`,{children:(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`th`,{children:`Run`}),(0,X.jsx)(`th`,{children:`Status`}),(0,X.jsx)(`th`,{children:`Pipeline`}),(0,X.jsx)(`th`,{children:`Partition`}),(0,X.jsx)(`th`,{children:`Tags`}),(0,X.jsx)(`th`,{children:`Created`}),(0,X.jsx)(`th`,{children:`Duration`})]})}),(0,X.jsx)(`tbody`,{children:m.nodes.map(e=>{let t=e.endTime??(e.startTime?Date.now()/1e3:null);return(0,X.jsxs)(`tr`,{"data-run-id":e.runId,children:[(0,X.jsx)(`td`,{children:(0,X.jsx)(J,{to:`/runs/${e.runId}`,className:`mono`,children:e.runId.slice(0,8)})}),(0,X.jsx)(`td`,{children:(0,X.jsx)(In,{status:e.status})}),(0,X.jsx)(`td`,{children:e.pipelineName}),(0,X.jsx)(`td`,{children:e.tags.find(e=>e.key===`lodestar/partition`)?.value??``}),(0,X.jsx)(`td`,{children:e.tags.map(e=>(0,X.jsxs)(`span`,{className:`tag`,children:[e.key,`=`,e.value]},e.key))}),(0,X.jsx)(`td`,{children:Bn(e.createdAt)}),(0,X.jsx)(`td`,{children:zn(e.startTime&&t?t-e.startTime:null)})]},e.runId)})})]}),(0,X.jsxs)(`div`,{className:`pager`,children:[(0,X.jsx)(`button`,{disabled:!a,onClick:()=>p(o.at(-1)??null,!0),children:`Previous`}),(0,X.jsx)(`button`,{disabled:!m.hasMore,onClick:()=>p(m.cursor??null,!1),children:`Next`})]})]})]})}function nr(e){let[t,n]=(0,f.useState)(e.initial);return(0,X.jsx)(`form`,{onSubmit:n=>{n.preventDefault(),e.onApply(t.trim())},children:(0,X.jsx)(`input`,{"aria-label":e.label,placeholder:e.label,value:t,onChange:e=>n(e.target.value),onBlur:()=>t.trim()!==e.initial&&e.onApply(t.trim())})})}var rr=(0,f.lazy)(()=>n(()=>import(`./Pipeline-rSa7X_A5.js`),__vite__mapDeps([0,1,2,3,4]))),ir=(0,f.lazy)(()=>n(()=>import(`./Launchpad-OIBtfQjs.js`),__vite__mapDeps([5,1,2,4]))),ar=(0,f.lazy)(()=>n(()=>import(`./Run-C6IpYcc_.js`),__vite__mapDeps([6,1,2,7,8]))),or=(0,f.lazy)(()=>n(()=>import(`./PartitionSets-Dgp8HZjm.js`),__vite__mapDeps([9,2,1]))),sr=(0,f.lazy)(()=>n(()=>import(`./PartitionSet-Boj_Ts2p.js`),__vite__mapDeps([10,1,2,11,12,7,8]))),cr=(0,f.lazy)(()=>n(()=>import(`./Backfills-Dbv98sbJ.js`),__vite__mapDeps([13,12,2,1]))),lr=(0,f.lazy)(()=>n(()=>import(`./Backfill-wYqQ6xbR.js`),__vite__mapDeps([14,1,7,2,8,12,11]))),ur=(0,f.lazy)(()=>n(()=>import(`./Assets--Tx-KhI3.js`),__vite__mapDeps([15,16,1,2,3]))),dr=(0,f.lazy)(()=>n(()=>import(`./Asset-CetCPx_x.js`),__vite__mapDeps([17,1,2,16,3]))),fr=(0,f.lazy)(()=>n(()=>import(`./Instigators-BdHrtY6i.js`),__vite__mapDeps([18,19,1,2]))),pr=(0,f.lazy)(()=>n(()=>import(`./Instigator-wSaxA2bJ.js`),__vite__mapDeps([20,19,1,2]))),mr=(0,f.lazy)(()=>n(()=>import(`./Instance-D_igo6ab.js`),__vite__mapDeps([21,2,1]))),hr=k(`/partitions/:name`,window.location.pathname);hr?.params.name&&An(Xn,{name:hr.params.name});function gr(){return(0,X.jsx)(Z,{title:`No page at ${window.location.pathname}`})}function _r(){return(0,X.jsx)(pn,{children:(0,X.jsx)(f.Suspense,{fallback:(0,X.jsx)(`p`,{className:`muted`,children:`Loading…`}),children:(0,X.jsx)(jt,{children:(0,X.jsxs)(H,{element:(0,X.jsx)(Fn,{}),children:[(0,X.jsx)(H,{index:!0,element:(0,X.jsx)(Ot,{to:`/runs`,replace:!0})}),(0,X.jsx)(H,{path:`locations`,element:(0,X.jsx)(Yn,{})}),(0,X.jsx)(H,{path:`locations/:location/pipelines/:pipeline`,element:(0,X.jsx)(rr,{})}),(0,X.jsx)(H,{path:`locations/:location/pipelines/:pipeline/launchpad`,element:(0,X.jsx)(ir,{})}),(0,X.jsx)(H,{path:`runs`,element:(0,X.jsx)(tr,{})}),(0,X.jsx)(H,{path:`runs/:runId`,element:(0,X.jsx)(ar,{})}),(0,X.jsx)(H,{path:`partitions`,element:(0,X.jsx)(or,{})}),(0,X.jsx)(H,{path:`partitions/:name`,element:(0,X.jsx)(sr,{})}),(0,X.jsx)(H,{path:`backfills`,element:(0,X.jsx)(cr,{})}),(0,X.jsx)(H,{path:`backfills/:backfillId`,element:(0,X.jsx)(lr,{})}),(0,X.jsx)(H,{path:`catalog`,element:(0,X.jsx)(ur,{})}),(0,X.jsx)(H,{path:`catalog/key/*`,element:(0,X.jsx)(dr,{})}),(0,X.jsx)(H,{path:`schedules`,element:(0,X.jsx)(fr,{})}),(0,X.jsx)(H,{path:`sensors`,element:(0,X.jsx)(Ot,{to:`/schedules`,replace:!0})}),(0,X.jsx)(H,{path:`schedules/:name`,element:(0,X.jsx)(pr,{kind:`schedule`})}),(0,X.jsx)(H,{path:`sensors/:name`,element:(0,X.jsx)(pr,{kind:`sensor`})}),(0,X.jsx)(H,{path:`instance`,element:(0,X.jsx)(mr,{})}),(0,X.jsx)(H,{path:`*`,element:(0,X.jsx)(gr,{})})]})})})})}(0,Tn.createRoot)(document.getElementById(`root`)).render((0,X.jsx)(f.StrictMode,{children:(0,X.jsx)(_r,{})}));export{Rn as a,Bn as c,J as d,B as f,Ln as i,Dn as l,yn as m,$ as n,In as o,st as p,Z as r,zn as s,Xn as t,Mn as u};