const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Pipeline-CsAOBBmC.js","assets/rolldown-runtime-BWaJ3C7D.js","assets/jsx-runtime-CYb7M32Z.js","assets/useLayout-BWXIsyea.js","assets/pipelineQuery-KpZfwIVt.js","assets/Launchpad-DldabEut.js","assets/Run-uIaDjU4W.js","assets/esm-Ce9BApxM.js","assets/preload-helper-a_cEDy7-.js","assets/PartitionSets-DWJhmja7.js","assets/PartitionSet-WiqRAG1b.js","assets/queries-DO53mWEb.js","assets/Progress-BaHL57tI.js","assets/Backfills-CViGXuDY.js","assets/Backfill-DRELK4R1.js","assets/Assets-B7Qr4BX1.js","assets/LineageGraph-BDqFDnW4.js","assets/Asset-oYupyBkS.js","assets/Instance-CREszH1V.js"])))=>i.map(i=>d[i]);
import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{n as t,t as n}from"./preload-helper-a_cEDy7-.js";import{a as r,c as i,i as a,l as o,n as s,o as c,r as l,s as u,t as d}from"./jsx-runtime-CYb7M32Z.js";var f=e(o(),1),p=/^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i,m=/^[\\/]{2}/;function h(e,t){return t+e.replace(/\\/g,`/`)}var g=`popstate`;function _(e){return typeof e==`object`&&!!e&&`pathname`in e&&`search`in e&&`hash`in e&&`state`in e&&`key`in e}function v(e={}){function t(e,t){let n=t.state?.masked,{pathname:r,search:i,hash:a}=n||e.location;return C(``,{pathname:r,search:i,hash:a},t.state&&t.state.usr||null,t.state&&t.state.key||`default`,n?{pathname:e.location.pathname,search:e.location.search,hash:e.location.hash}:void 0)}function n(e,t){return typeof t==`string`?t:w(t)}return ee(t,n,null,e)}function y(e,t){if(e===!1||e==null)throw Error(t)}function b(e,t){if(!e){typeof console<`u`&&console.warn(t);try{throw Error(t)}catch{}}}function x(){return Math.random().toString(36).substring(2,10)}function S(e,t){return{usr:e.state,key:e.key,idx:t,masked:e.mask?{pathname:e.pathname,search:e.search,hash:e.hash}:void 0}}function C(e,t,n=null,r,i){return{pathname:typeof e==`string`?e:e.pathname,search:``,hash:``,...typeof t==`string`?T(t):t,state:n,key:t&&t.key||r||x(),mask:i}}function w({pathname:e=`/`,search:t=``,hash:n=``}){return t&&t!==`?`&&(e+=t.charAt(0)===`?`?t:`?`+t),n&&n!==`#`&&(e+=n.charAt(0)===`#`?n:`#`+n),e}function T(e){let t={};if(e){let n=e.indexOf(`#`);n>=0&&(t.hash=e.substring(n),e=e.substring(0,n));let r=e.indexOf(`?`);r>=0&&(t.search=e.substring(r),e=e.substring(0,r)),e&&(t.pathname=e)}return t}function ee(e,t,n,r={}){let{window:i=document.defaultView,v5Compat:a=!1}=r,o=i.history,s=`POP`,c=null,l=u();l??(l=0,o.replaceState({...o.state,idx:l},``));function u(){return(o.state||{idx:null}).idx}function d(){s=`POP`;let e=u(),t=e==null?null:e-l;l=e,c&&c({action:s,location:h.location,delta:t})}function f(e,t){s=`PUSH`;let r=_(e)?e:C(h.location,e,t);n&&n(r,e),l=u()+1;let d=S(r,l),f=h.createHref(r.mask||r);try{o.pushState(d,``,f)}catch(e){if(e instanceof DOMException&&e.name===`DataCloneError`)throw e;i.location.assign(f)}a&&c&&c({action:s,location:h.location,delta:1})}function p(e,t){s=`REPLACE`;let r=_(e)?e:C(h.location,e,t);n&&n(r,e),l=u();let i=S(r,l),d=h.createHref(r.mask||r);o.replaceState(i,``,d),a&&c&&c({action:s,location:h.location,delta:0})}function m(e){return te(i,e)}let h={get action(){return s},get location(){return e(i,o)},listen(e){if(c)throw Error(`A history only accepts one active listener`);return i.addEventListener(g,d),c=e,()=>{i.removeEventListener(g,d),c=null}},createHref(e){return t(i,e)},createURL:m,encodeLocation(e){let t=m(e);return{pathname:t.pathname,search:t.search,hash:t.hash}},push:f,replace:p,go(e){return o.go(e)}};return h}function te(e,t,n=!1){let r=`http://localhost`;e&&(r=e.location.origin===`null`?e.location.href:e.location.origin),y(r,`No window.location.(origin|href) available to create URL`);let i=typeof t==`string`?t:w(t);return i=i.replace(/ $/,`%20`),!n&&m.test(i)&&(i=r+i),new URL(i,r)}var ne=new URL(`http://localhost`);function E(e){if(e.createURL)return e.createURL(`/`);try{return new URL(e.createHref(`/`),ne)}catch{return ne}}function D(e,t){return e.origin===t.origin&&(e.origin!==`null`||e.protocol===t.protocol&&e.host===t.host)}function O(e,t){if(e.startsWith(`//`))return!0;let n=t.protocol.toLowerCase();return e.toLowerCase().startsWith(n)?t.host===``||e.slice(n.length).startsWith(`//`):!1}function re(e){let t=e.replace(/[\t\n\r]/g,``),n=0;for(;t.charCodeAt(n)<=32;)n++;if(t=t.slice(n),!p.test(t))return;let r;try{r=new URL(e,ne)}catch{return}if(!O(e,r))throw Error(`External navigation is not allowed`)}function k(e,t,n,r){let i=null;try{i=e==null?null:new URL(e,n)}catch{}let a=new URL(t,n),o=i!=null&&!D(i,n),s=!D(a,n);if(r===`reject`){if(o||s)throw Error(`External navigation is not allowed`)}else if(s&&(i==null||!O(e,i)||!D(i,a)))throw Error(`External navigation is not allowed`)}function ie(e,t,n=`/`){return ae(e,t,n,!1)}function ae(e,t,n,r,i){let a=j((typeof t==`string`?T(t):t).pathname||`/`,n);if(a==null)return null;let o=i??oe(e),s=null,c=Ce(a);for(let e=0;s==null&&e<o.length;++e)s=ye(o[e],c,r);return s}function oe(e){let t=se(e);return le(t),t}function se(e,t=[],n=[],r=``,i=!1){let a=(e,a,o=i,s)=>{let c={relativePath:s===void 0?e.path||``:s,caseSensitive:e.caseSensitive===!0,childrenIndex:a,route:e};if(c.relativePath.startsWith(`/`)){if(!c.relativePath.startsWith(r)&&o)return;y(c.relativePath.startsWith(r),`Absolute route path "${c.relativePath}" nested under path "${r}" is not valid. An absolute child route path must start with the combined path of all its parent routes.`),c.relativePath=c.relativePath.slice(r.length)}let l=N([r,c.relativePath]),u=n.concat(c);e.children&&e.children.length>0&&(y(e.index!==!0,`Index routes must not have child routes. Please remove all child routes from route path "${l}".`),se(e.children,t,u,l,o)),(e.path!=null||e.index)&&t.push({path:l,score:_e(l,e.index),routesMeta:u.map((e,t)=>{let[n,r]=Se(e.relativePath,e.caseSensitive,t===u.length-1);return{...e,matcher:n,compiledParams:r}})})};return e.forEach((e,t)=>{if(e.path===``||!e.path?.includes(`?`))a(e,t);else for(let n of ce(e.path))a(e,t,!0,n)}),t}function ce(e){let t=e.split(`/`);if(t.length===0)return[];let[n,...r]=t,i=n.endsWith(`?`),a=n.replace(/\?$/,``);if(r.length===0)return i?[a,``]:[a];let o=ce(r.join(`/`)),s=[];return s.push(...o.map(e=>e===``?a:[a,e].join(`/`))),i&&s.push(...o),s.map(t=>e.startsWith(`/`)&&t===``?`/`:t)}function le(e){e.sort((e,t)=>e.score===t.score?ve(e.routesMeta.map(e=>e.childrenIndex),t.routesMeta.map(e=>e.childrenIndex)):t.score-e.score)}var ue=/^:[\w-]+$/,de=3,fe=2,pe=1,me=10,he=-2,ge=e=>e===`*`;function _e(e,t){let n=e.split(`/`),r=n.length;return n.some(ge)&&(r+=he),t&&(r+=fe),n.filter(e=>!ge(e)).reduce((e,t)=>e+(ue.test(t)?de:t===``?pe:me),r)}function ve(e,t){return e.length===t.length&&e.slice(0,-1).every((e,n)=>e===t[n])?e[e.length-1]-t[t.length-1]:0}function ye(e,t,n=!1){let{routesMeta:r}=e,i={},a=`/`,o=[];for(let e=0;e<r.length;++e){let s=r[e],c=e===r.length-1,l=a===`/`?t:t.slice(a.length)||`/`,u={path:s.relativePath,caseSensitive:s.caseSensitive,end:c},d=s.matcher&&s.compiledParams?xe(u,l,s.matcher,s.compiledParams):A(u,l),f=s.route;if(!d&&c&&n&&!r[r.length-1].route.index&&(d=A({path:s.relativePath,caseSensitive:s.caseSensitive,end:!1},l)),!d)return null;Object.assign(i,d.params),o.push({params:i,pathname:N([a,d.pathname]),pathnameBase:Ae(N([a,d.pathnameBase])),route:f}),d.pathnameBase!==`/`&&(a=N([a,d.pathnameBase]))}return o}var be=12;function A(e,t){typeof e==`string`&&(e={path:e,caseSensitive:!1,end:!0});let{path:n}=e,r=0;for(let e=n.indexOf(`?`);e!==-1;e=n.indexOf(`?`,e+1))if(++r>be)throw Error(`Path pattern ${JSON.stringify(n)} exceeds the limit of ${be} optional segments.`);let[i,a]=Se(n,e.caseSensitive,e.end);return xe(e,t,i,a)}function xe(e,t,n,r){let i=t.match(n);if(!i)return null;let a=i[0],o=P(a,1),s=i.slice(1);return{params:r.reduce((e,{paramName:t,isOptional:n},r)=>{if(t===`*`){let e=s[r]||``;o=P(a.slice(0,a.length-e.length),1)}let i=s[r];return e[t]=n&&!i?void 0:(i||``).replace(/%2F/g,`/`),e},{}),pathname:a,pathnameBase:o,pattern:e}}function Se(e,t=!1,n=!0){b(e===`*`||!e.endsWith(`*`)||e.endsWith(`/*`),`Route path "${e}" will be treated as if it were "${e.replace(/\*$/,`/*`)}" because the \`*\` character must always follow a \`/\` in the pattern. To get rid of this warning, please change the route path to "${e.replace(/\*$/,`/*`)}".`);let r=[],i=`^`+e.replace(/\/*\*?$/,``).replace(/^\/*/,`/`).replace(/[\\.*+^${}|()[\]]/g,`\\$&`).replace(/\/:([\w-]+)(\?)?/g,(e,t,n,i,a)=>{if(r.push({paramName:t,isOptional:n!=null}),n){let t=a.charAt(i+e.length);return t&&t!==`/`?`/([^\\/]*)`:`(?:/([^\\/]*))?`}return`/([^\\/]+)`}).replace(/\/([\w-]+)\?(\/|$)/g,`(/$1)?$2`);return e.endsWith(`*`)?(r.push({paramName:`*`}),i+=e===`*`||e===`/*`?`(.*)$`:`(?:\\/(.+)|\\/*)$`):n?i+=`\\/*$`:e!==``&&e!==`/`&&(i+=`(?:(?=\\/|$))`),[new RegExp(i,t?void 0:`i`),r]}function Ce(e){try{return e.split(`/`).map(e=>decodeURIComponent(e).replace(/\//g,`%2F`)).join(`/`)}catch(t){return b(!1,`The URL path "${e}" could not be decoded because it is a malformed URL segment. This is probably due to a bad percent encoding (${t}).`),e}}function j(e,t){if(t===`/`)return e;if(!e.toLowerCase().startsWith(t.toLowerCase()))return null;let n=t.endsWith(`/`)?t.length-1:t.length,r=e.charAt(n);return r&&r!==`/`?null:e.slice(n)||`/`}function we(e,t=`/`){let{pathname:n,search:r=``,hash:i=``}=typeof e==`string`?T(e):e,a;return n?(n=ke(n),a=n.startsWith(`/`)||n.startsWith(`\\`)?Te(n.substring(1),`/`):Te(n,t)):a=t,{pathname:a,search:je(r),hash:Me(i)}}function Te(e,t){let n=P(t).split(`/`);return e.split(`/`).forEach(e=>{e===`..`?n.length>1&&n.pop():e!==`.`&&n.push(e)}),n.length>1?n.join(`/`):`/`}function Ee(e,t,n,r){return`Cannot include a '${e}' character in a manually specified \`to.${t}\` field [${JSON.stringify(r)}].  Please separate it out to the \`to.${n}\` field. Alternatively you may provide the full path as a string in <Link to="..."> and the router will parse it for you.`}function De(e){return e.filter((e,t)=>t===0||e.route.path&&e.route.path.length>0)}function Oe(e){let t=De(e);return t.map((e,n)=>n===t.length-1?e.pathname:e.pathnameBase)}function M(e,t,n,r=!1){let i;typeof e==`string`?i=T(e):(i={...e},y(!i.pathname||!i.pathname.includes(`?`),Ee(`?`,`pathname`,`search`,i)),y(!i.pathname||!i.pathname.includes(`#`),Ee(`#`,`pathname`,`hash`,i)),y(!i.search||!i.search.includes(`#`),Ee(`#`,`search`,`hash`,i)));let a=e===``||i.pathname===``,o=a?`/`:i.pathname,s;if(o==null)s=n;else{let e=t.length-1;if(!r&&o.startsWith(`..`)){let t=o.split(`/`);for(;t[0]===`..`;)t.shift(),--e;i.pathname=t.join(`/`)}s=e>=0?t[e]:`/`}let c=we(i,s),l=o&&o!==`/`&&o.endsWith(`/`),u=(a||o===`.`)&&n.endsWith(`/`);return!c.pathname.endsWith(`/`)&&(l||u)&&(c.pathname+=`/`),c}var ke=e=>e.replace(/[\\/]{2,}/g,`/`),N=e=>ke(e.join(`/`));function P(e,t=0){let n=e.length;for(;n>t&&e.charCodeAt(n-1)===47;)n--;return n===e.length?e:e.slice(0,n)}var Ae=e=>P(e).replace(/^\/*/,`/`),je=e=>!e||e===`?`?``:e.startsWith(`?`)?e:`?`+e,Me=e=>!e||e===`#`?``:e.startsWith(`#`)?e:`#`+e,Ne=class{constructor(e,t,n,r=!1){this.status=e,this.statusText=t||``,this.internal=r,n instanceof Error?(this.data=n.toString(),this.error=n):this.data=n}};function Pe(e){return e!=null&&typeof e.status==`number`&&typeof e.statusText==`string`&&typeof e.internal==`boolean`&&`data`in e}function Fe(e){return N(e.map(e=>e.route.path).filter(Boolean))||`/`}var Ie=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;function Le(e,t){let n=e;if(typeof n!=`string`||!p.test(n))return{absoluteURL:void 0,isExternal:!1,to:n};let r=n,i=!1;if(Ie)try{let e=new URL(window.location.href),r=m.test(n)?new URL(h(n,e.protocol)):new URL(n),a=j(r.pathname,t);r.origin===e.origin&&a!=null?n=a+r.search+r.hash:i=!0}catch{b(!1,`<Link to="${n}"> contains an invalid URL which will probably break when clicked - please update to a valid URL path.`)}return{absoluteURL:r,isExternal:i,to:n}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);var Re=[`POST`,`PUT`,`PATCH`,`DELETE`];new Set(Re);var ze=[`GET`,...Re];new Set(ze);var Be=[`about:`,`blob:`,`chrome:`,`chrome-untrusted:`,`content:`,`data:`,`devtools:`,`file:`,`filesystem:`,`javascript:`];function Ve(e){try{return Be.includes(new URL(e).protocol)}catch{return!1}}var F=f.createContext(null);F.displayName=`DataRouter`;var He=f.createContext(null);He.displayName=`DataRouterState`;var Ue=f.createContext(!1);function We(){return f.useContext(Ue)}var Ge=f.createContext({isTransitioning:!1});Ge.displayName=`ViewTransition`;var Ke=f.createContext(new Map);Ke.displayName=`Fetchers`;var qe=f.createContext(null);qe.displayName=`Await`;var I=f.createContext(null);I.displayName=`Navigation`;var L=f.createContext(null);L.displayName=`Location`;var R=f.createContext({outlet:null,matches:[],isDataRoute:!1});R.displayName=`Route`;var Je=f.createContext(null);Je.displayName=`RouteError`;var Ye=`REACT_ROUTER_ERROR`,Xe=`REDIRECT`,Ze=`ROUTE_ERROR_RESPONSE`;function Qe(e){if(e.startsWith(`${Ye}:${Xe}:{`))try{let t=JSON.parse(e.slice(28));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`&&typeof t.location==`string`&&typeof t.reloadDocument==`boolean`&&typeof t.replace==`boolean`)return t}catch{}}function $e(e){if(e.startsWith(`${Ye}:${Ze}:{`))try{let t=JSON.parse(e.slice(40));if(typeof t==`object`&&t&&typeof t.status==`number`&&typeof t.statusText==`string`)return new Ne(t.status,t.statusText,t.data)}catch{}}function et(e,{relative:t}={}){y(z(),`useHref() may be used only in the context of a <Router> component.`);let{basename:n,navigator:r}=f.useContext(I),{hash:i,pathname:a,search:o}=H(e,{relative:t}),s=a;return n!==`/`&&(s=a===`/`?n:N([n,a])),r.createHref({pathname:s,search:o,hash:i})}function z(){return f.useContext(L)!=null}function B(){return y(z(),`useLocation() may be used only in the context of a <Router> component.`),f.useContext(L).location}var tt=`You should call navigate() in a React.useEffect(), not when your component is first rendered.`;function nt(e){f.useContext(I).static||f.useLayoutEffect(e)}function V(){let{isDataRoute:e}=f.useContext(R);return e?Ct():rt()}function rt(){y(z(),`useNavigate() may be used only in the context of a <Router> component.`);let e=f.useContext(F),{basename:t,navigator:n}=f.useContext(I),{matches:r}=f.useContext(R),{pathname:i}=B(),a=JSON.stringify(Oe(r)),o=f.useRef(!1);return nt(()=>{o.current=!0}),f.useCallback((r,s={})=>{if(b(o.current,tt),!o.current)return;if(typeof r==`number`){n.go(r);return}let c=M(r,JSON.parse(a),i,s.relative===`path`);e==null&&t!==`/`&&(c.pathname=c.pathname===`/`?t:N([t,c.pathname])),k(typeof r==`string`?r:w(r),n.createHref(c),E(n),`reject`),(s.replace?n.replace:n.push)(c,s.state,s)},[t,n,a,i,e])}var it=f.createContext(null);function at(e){let t=f.useContext(R).outlet;return f.useMemo(()=>t&&f.createElement(it.Provider,{value:e},t),[t,e])}function ot(){let{matches:e}=f.useContext(R);return e[e.length-1]?.params??{}}function H(e,{relative:t}={}){let{matches:n}=f.useContext(R),{pathname:r}=B(),i=JSON.stringify(Oe(n));return f.useMemo(()=>M(e,JSON.parse(i),r,t===`path`),[e,i,r,t])}function st(e,t){return ct(e,t)}function ct(e,t,n){y(z(),`useRoutes() may be used only in the context of a <Router> component.`);let{navigator:r}=f.useContext(I),{matches:i}=f.useContext(R),a=i[i.length-1],o=a?a.params:{},s=a?a.pathname:`/`,c=a?a.pathnameBase:`/`,l=a&&a.route;{let e=l&&l.path||``;Tt(s,!l||e.endsWith(`*`)||e.endsWith(`*?`),`You rendered descendant <Routes> (or called \`useRoutes()\`) at "${s}" (under <Route path="${e}">) but the parent route path has no trailing "*". This means if you navigate deeper, the parent won't match anymore and therefore the child routes will never render.

Please change the parent <Route path="${e}"> to <Route path="${e===`/`?`*`:`${e}/*`}">.`)}let u=B(),d;if(t){let e=typeof t==`string`?T(t):t;y(c===`/`||e.pathname?.startsWith(c),`When overriding the location using \`<Routes location>\` or \`useRoutes(routes, location)\`, the location pathname must begin with the portion of the URL pathname that was matched by all parent routes. The current pathname base is "${c}" but pathname "${e.pathname}" was given in the \`location\` prop.`),d=e}else d=u;let p=d.pathname||`/`,m=p;if(c!==`/`){let e=c.replace(/^\//,``).split(`/`);m=`/`+p.replace(/^\//,``).split(`/`).slice(e.length).join(`/`)}let h=n&&n.state.matches.length?n.state.matches.map(e=>Object.assign(e,{route:n.manifest[e.route.id]||e.route})):ie(e,{pathname:m});b(l||h!=null,`No routes matched location "${d.pathname}${d.search}${d.hash}" `),b(h==null||h[h.length-1].route.element!==void 0||h[h.length-1].route.Component!==void 0||h[h.length-1].route.lazy!==void 0,`Matched leaf route at location "${d.pathname}${d.search}${d.hash}" does not have an element or Component. This means it will render an <Outlet /> with a null value by default resulting in an "empty" page.`);let g=ht(h&&h.map(e=>Object.assign({},e,{params:Object.assign({},o,e.params),pathname:N([c,r.encodeLocation?r.encodeLocation(e.pathname.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathname]),pathnameBase:e.pathnameBase===`/`?c:N([c,r.encodeLocation?r.encodeLocation(e.pathnameBase.replace(/%/g,`%25`).replace(/\?/g,`%3F`).replace(/#/g,`%23`)).pathname:e.pathnameBase])})),i,n);return t&&g?f.createElement(L.Provider,{value:{location:{pathname:`/`,search:``,hash:``,state:null,key:`default`,mask:void 0,...d},navigationType:`POP`}},g):g}function lt(){let e=St(),t=Pe(e)?`${e.status} ${e.statusText}`:e instanceof Error?e.message:JSON.stringify(e),n=e instanceof Error?e.stack:null,r=`rgba(200,200,200, 0.5)`,i={padding:`0.5rem`,backgroundColor:r},a={padding:`2px 4px`,backgroundColor:r},o=null;return console.error(`Error handled by React Router default ErrorBoundary:`,e),o=f.createElement(f.Fragment,null,f.createElement(`p`,null,`💿 Hey developer 👋`),f.createElement(`p`,null,`You can provide a way better UX than this when your app throws errors by providing your own `,f.createElement(`code`,{style:a},`ErrorBoundary`),` or`,` `,f.createElement(`code`,{style:a},`errorElement`),` prop on your route.`)),f.createElement(f.Fragment,null,f.createElement(`h2`,null,`Unexpected Application Error!`),f.createElement(`h3`,{style:{fontStyle:`italic`}},t),n?f.createElement(`pre`,{style:i},n):null,o)}var ut=f.createElement(lt,null),dt=class extends f.Component{constructor(e){super(e),this.state={location:e.location,revalidation:e.revalidation,error:e.error}}static getDerivedStateFromError(e){return{error:e}}static getDerivedStateFromProps(e,t){return t.location!==e.location||t.revalidation!==`idle`&&e.revalidation===`idle`?{error:e.error,location:e.location,revalidation:e.revalidation}:{error:e.error===void 0?t.error:e.error,location:t.location,revalidation:e.revalidation||t.revalidation}}componentDidCatch(e,t){this.props.onError?this.props.onError(e,t):console.error(`React Router caught the following error during render`,e)}render(){let e=this.state.error;if(this.context&&typeof e==`object`&&e&&`digest`in e&&typeof e.digest==`string`){let t=$e(e.digest);t&&(e=t)}let t=e===void 0?this.props.children:f.createElement(R.Provider,{value:this.props.routeContext},f.createElement(Je.Provider,{value:e,children:this.props.component}));return this.context?f.createElement(pt,{error:e},t):t}};dt.contextType=Ue;var ft=new WeakMap;function pt({children:e,error:t}){let{basename:n,navigator:r}=f.useContext(I);if(typeof t==`object`&&t&&`digest`in t&&typeof t.digest==`string`){let e=Qe(t.digest);if(e){let i=ft.get(t);if(i)throw i;let a=Le(e.location,n),o=a.absoluteURL||a.to;if(k(e.location,o,E(r),`allow-explicit`),Ve(o))throw Error(`Invalid redirect location`);if(Ie&&!ft.get(t)){if(a.isExternal||e.reloadDocument)window.location.href=o;else{let n=Promise.resolve().then(()=>window.__reactRouterDataRouter.navigate(a.to,{replace:e.replace}));throw ft.set(t,n),n}}return f.createElement(`meta`,{httpEquiv:`refresh`,content:`0;url=${o}`})}}return e}function mt({routeContext:e,match:t,children:n}){let r=f.useContext(F);return r&&r.static&&r.staticContext&&(t.route.errorElement||t.route.ErrorBoundary)&&(r.staticContext._deepestRenderedBoundaryId=t.route.id),f.createElement(R.Provider,{value:e},n)}function ht(e,t=[],n){let r=n?.state;if(e==null){if(!r)return null;if(r.errors)e=r.matches;else if(t.length===0&&!r.initialized&&r.matches.length>0)e=r.matches;else return null}let i=e,a=r?.errors;if(a!=null){let e=i.findIndex(e=>e.route.id&&a?.[e.route.id]!==void 0);y(e>=0,`Could not find a matching route for errors on route IDs: ${Object.keys(a).join(`,`)}`),i=i.slice(0,Math.min(i.length,e+1))}let o=!1,s=-1;if(n&&r){o=r.renderFallback;for(let e=0;e<i.length;e++){let t=i[e];if((t.route.HydrateFallback||t.route.hydrateFallbackElement)&&(s=e),t.route.id){let{loaderData:e,errors:a}=r,c=t.route.loader&&!e.hasOwnProperty(t.route.id)&&(!a||a[t.route.id]===void 0);if(t.route.lazy||c){n.isStatic&&(o=!0),i=s>=0?i.slice(0,s+1):[i[0]];break}}}}let c=n?.onError,l=r&&c?(e,t)=>{c(e,{location:r.location,params:r.matches?.[0]?.params??{},pattern:Fe(r.matches),errorInfo:t})}:void 0;return i.reduceRight((e,n,c)=>{let u,d=!1,p=null,m=null;r&&(u=a&&n.route.id?a[n.route.id]:void 0,p=n.route.errorElement||ut,o&&(s<0&&c===0?(Tt(`route-fallback`,!1,"No `HydrateFallback` element provided to render during initial hydration"),d=!0,m=null):s===c&&(d=!0,m=n.route.hydrateFallbackElement||null)));let h=t.concat(i.slice(0,c+1)),g=()=>{let t;return t=u?p:d?m:n.route.Component?f.createElement(n.route.Component,null):n.route.element?n.route.element:e,f.createElement(mt,{match:n,routeContext:{outlet:e,matches:h,isDataRoute:r!=null},children:t})};return r&&(n.route.ErrorBoundary||n.route.errorElement||c===0)?f.createElement(dt,{location:r.location,revalidation:r.revalidation,component:p,error:u,children:g(),routeContext:{outlet:null,matches:h,isDataRoute:!0},onError:l}):g()},null)}function gt(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function _t(e){let t=f.useContext(F);return y(t,gt(e)),t}function vt(e){let t=f.useContext(He);return y(t,gt(e)),t}function yt(e){let t=f.useContext(R);return y(t,gt(e)),t}function bt(e){let t=yt(e),n=t.matches[t.matches.length-1];return y(n.route.id,`${e} can only be used on routes that contain a unique "id"`),n.route.id}function xt(){return bt(`useRouteId`)}function St(){let e=f.useContext(Je),t=vt(`useRouteError`),n=bt(`useRouteError`);return e===void 0?t.errors?.[n]:e}function Ct(){let{router:e}=_t(`useNavigate`),t=bt(`useNavigate`),n=f.useRef(!1);return nt(()=>{n.current=!0}),f.useCallback(async(r,i={})=>{b(n.current,tt),n.current&&(typeof r==`number`?await e.navigate(r):await e.navigate(r,{fromRouteId:t,...i}))},[e,t])}var wt={};function Tt(e,t,n){!t&&!wt[e]&&(wt[e]=!0,b(!1,n))}f.memo(Et);function Et({routes:e,manifest:t,future:n,state:r,isStatic:i,onError:a}){return ct(e,void 0,{manifest:t,state:r,isStatic:i,onError:a,future:n})}function Dt({to:e,replace:t,state:n,relative:r}){y(z(),`<Navigate> may be used only in the context of a <Router> component.`);let{static:i,navigator:a}=f.useContext(I);b(!i,`<Navigate> must not be used on the initial render in a <StaticRouter>. This is a no-op, but you should modify your code so the <Navigate> is only ever rendered in response to some user interaction or state change.`);let{matches:o}=f.useContext(R),{pathname:s}=B(),c=V(),l=M(e,Oe(o),s,r===`path`);k(typeof e==`string`?e:w(e),a.createHref(l),E(a),`reject`);let u=JSON.stringify(l);return f.useEffect(()=>{c(JSON.parse(u),{replace:t,state:n,relative:r})},[c,u,r,t,n]),null}function Ot(e){return at(e.context)}function U(e){y(!1,`A <Route> is only ever to be used as the child of <Routes> element, never rendered directly. Please wrap your <Route> in a <Routes>.`)}function kt({basename:e=`/`,children:t=null,location:n,navigationType:r=`POP`,navigator:i,static:a=!1,useTransitions:o}){y(!z(),`You cannot render a <Router> inside another <Router>. You should never have more than one in your app.`);let s=e.replace(/^\/*/,`/`),c=f.useMemo(()=>({basename:s,navigator:i,static:a,useTransitions:o,future:{}}),[s,i,a,o]);typeof n==`string`&&(n=T(n));let{pathname:l=`/`,search:u=``,hash:d=``,state:p=null,key:m=`default`,mask:h}=n,g=f.useMemo(()=>{let e=j(l,s);return e==null?null:{location:{pathname:e,search:u,hash:d,state:p,key:m,mask:h},navigationType:r}},[s,l,u,d,p,m,r,h]);return b(g!=null,`<Router basename="${s}"> is not able to match the URL "${l}${u}${d}" because it does not start with the basename, so the <Router> won't render anything.`),g==null?null:f.createElement(I.Provider,{value:c},f.createElement(L.Provider,{children:t,value:g}))}function At({children:e,location:t}){return st(jt(e),t)}f.Component;function jt(e,t=[]){let n=[];return f.Children.forEach(e,(e,r)=>{if(!f.isValidElement(e))return;let i=[...t,r];if(e.type===f.Fragment){n.push.apply(n,jt(e.props.children,i));return}y(e.type===U,`[${typeof e.type==`string`?e.type:e.type.name}] is not a <Route> component. All component children of <Routes> must be a <Route> or <React.Fragment>`),y(!e.props.index||!e.props.children,`An index route cannot have child routes.`);let a={id:e.props.id||i.join(`-`),caseSensitive:e.props.caseSensitive,element:e.props.element,Component:e.props.Component,index:e.props.index,path:e.props.path,middleware:e.props.middleware,loader:e.props.loader,action:e.props.action,hydrateFallbackElement:e.props.hydrateFallbackElement,HydrateFallback:e.props.HydrateFallback,errorElement:e.props.errorElement,ErrorBoundary:e.props.ErrorBoundary,hasErrorBoundary:e.props.hasErrorBoundary===!0||e.props.ErrorBoundary!=null||e.props.errorElement!=null,shouldRevalidate:e.props.shouldRevalidate,handle:e.props.handle,lazy:e.props.lazy};e.props.children&&(a.children=jt(e.props.children,i)),n.push(a)}),n}var Mt=`get`,W=`application/x-www-form-urlencoded`;function G(e){return typeof HTMLElement<`u`&&e instanceof HTMLElement}function Nt(e){return G(e)&&e.tagName.toLowerCase()===`button`}function Pt(e){return G(e)&&e.tagName.toLowerCase()===`form`}function Ft(e){return G(e)&&e.tagName.toLowerCase()===`input`}function It(e){return!!(e.metaKey||e.altKey||e.ctrlKey||e.shiftKey)}function Lt(e,t){return e.button===0&&(!t||t===`_self`)&&!It(e)}function Rt(e=``){return new URLSearchParams(typeof e==`string`||Array.isArray(e)||e instanceof URLSearchParams?e:Object.keys(e).reduce((t,n)=>{let r=e[n];return t.concat(Array.isArray(r)?r.map(e=>[n,e]):[[n,r]])},[]))}function zt(e,t){let n=Rt(e);return t&&t.forEach((e,r)=>{n.has(r)||t.getAll(r).forEach(e=>{n.append(r,e)})}),n}var K=null;function Bt(){if(K===null)try{new FormData(document.createElement(`form`),0),K=!1}catch{K=!0}return K}var Vt=new Set([`application/x-www-form-urlencoded`,`multipart/form-data`,`text/plain`]);function Ht(e){return e!=null&&!Vt.has(e)?(b(!1,`"${e}" is not a valid \`encType\` for \`<Form>\`/\`<fetcher.Form>\` and will default to "${W}"`),null):e}function Ut(e,t){let n,r,i,a,o;if(Pt(e)){let o=e.getAttribute(`action`);r=o?j(o,t):null,n=e.getAttribute(`method`)||Mt,i=Ht(e.getAttribute(`enctype`))||W,a=new FormData(e)}else if(Nt(e)||Ft(e)&&(e.type===`submit`||e.type===`image`)){let o=e.form;if(o==null)throw Error(`Cannot submit a <button> or <input type="submit"> without a <form>`);let s=e.getAttribute(`formaction`)||o.getAttribute(`action`);if(r=s?j(s,t):null,n=e.getAttribute(`formmethod`)||o.getAttribute(`method`)||Mt,i=Ht(e.getAttribute(`formenctype`))||Ht(o.getAttribute(`enctype`))||W,a=new FormData(o,e),!Bt()){let{name:t,type:n,value:r}=e;if(n===`image`){let e=t?`${t}.`:``;a.append(`${e}x`,`0`),a.append(`${e}y`,`0`)}else t&&a.append(t,r)}}else if(G(e))throw Error(`Cannot submit element that is not <form>, <button>, or <input type="submit|image">`);else n=Mt,r=null,i=W,o=e;return a&&i===`text/plain`&&(o=a,a=void 0),{action:r,method:n.toLowerCase(),encType:i,formData:a,body:o}}Object.getOwnPropertyNames(Object.prototype).sort().join(`\0`);function Wt(e,t){if(e===!1||e==null)throw Error(t)}function Gt(e,t,n,r){let i=typeof e==`string`?new URL(e,typeof window>`u`?`server://singlefetch/`:window.location.origin):e;return i.pathname=n?i.pathname.endsWith(`/`)?`${i.pathname}_.${r}`:`${i.pathname}.${r}`:i.pathname===`/`?`_root.${r}`:t&&j(i.pathname,t)===`/`?`${P(t)}/_root.${r}`:`${P(i.pathname)}.${r}`,i}async function Kt(e,t){if(e.id in t)return t[e.id];try{let n=await import(e.module);return t[e.id]=n,n}catch(t){return console.error(`Error loading route module \`${e.module}\`, reloading page...`),console.error(t),window.__reactRouterContext&&window.__reactRouterContext.isSpaMode,window.location.reload(),new Promise(()=>{})}}function qt(e){return e!=null&&typeof e.page==`string`}function Jt(e){return e==null?!1:e.href==null?e.rel===`preload`&&typeof e.imageSrcSet==`string`&&typeof e.imageSizes==`string`:typeof e.rel==`string`&&typeof e.href==`string`}async function Yt(e,t,n){return en((await Promise.all(e.map(async e=>{let r=t.routes[e.route.id];if(r){let e=await Kt(r,n);return e.links?e.links():[]}return[]}))).flat(1).filter(Jt).filter(e=>e.rel===`stylesheet`||e.rel===`preload`).map(e=>e.rel===`stylesheet`?{...e,rel:`prefetch`,as:`style`}:{...e,rel:`prefetch`}))}function Xt(e,t,n,r,i,a){let o=(e,t)=>!n[t]||e.route.id!==n[t].route.id,s=(e,t)=>n[t].pathname!==e.pathname||n[t].route.path?.endsWith(`*`)&&n[t].params[`*`]!==e.params[`*`];return a===`assets`?t.filter((e,t)=>o(e,t)||s(e,t)):a===`data`?t.filter((t,a)=>{let c=r.routes[t.route.id];if(!c||!c.hasLoader)return!1;if(o(t,a)||s(t,a))return!0;if(t.route.shouldRevalidate){let r=t.route.shouldRevalidate({currentUrl:new URL(i.pathname+i.search+i.hash,window.origin),currentParams:n[0]?.params||{},nextUrl:new URL(e,window.origin),nextParams:t.params,defaultShouldRevalidate:!0});if(typeof r==`boolean`)return r}return!0}):[]}function Zt(e,t,{includeHydrateFallback:n}={}){return Qt(e.map(e=>{let r=t.routes[e.route.id];if(!r)return[];let i=[r.module];return r.clientActionModule&&(i=i.concat(r.clientActionModule)),r.clientLoaderModule&&(i=i.concat(r.clientLoaderModule)),n&&r.hydrateFallbackModule&&(i=i.concat(r.hydrateFallbackModule)),r.imports&&(i=i.concat(r.imports)),i}).flat(1))}function Qt(e){return[...new Set(e)]}function $t(e){let t={},n=Object.keys(e).sort();for(let r of n)t[r]=e[r];return t}function en(e,t){let n=new Set,r=new Set(t);return e.reduce((e,i)=>{if(t&&!qt(i)&&i.as===`script`&&i.href&&r.has(i.href))return e;let a=JSON.stringify($t(i));return n.has(a)||(n.add(a),e.push({key:a,link:i})),e},[])}function tn(){let e=f.useContext(F);return Wt(e,`You must render this element inside a <DataRouterContext.Provider> element`),e}function nn(){let e=f.useContext(He);return Wt(e,`You must render this element inside a <DataRouterStateContext.Provider> element`),e}var rn=f.createContext(void 0);rn.displayName=`FrameworkContext`;function q(){let e=f.useContext(rn);return Wt(e,`You must render this element inside a <HydratedRouter> element`),e}function an(e,t){let n=f.useContext(rn),[r,i]=f.useState(!1),[a,o]=f.useState(!1),{onFocus:s,onBlur:c,onMouseEnter:l,onMouseLeave:u,onTouchStart:d}=t,p=f.useRef(null);f.useEffect(()=>{if(e===`render`&&o(!0),e===`viewport`){let e=new IntersectionObserver(e=>{e.forEach(e=>{o(e.isIntersecting)})},{threshold:.5});return p.current&&e.observe(p.current),()=>{e.disconnect()}}},[e]),f.useEffect(()=>{if(r){let e=setTimeout(()=>{o(!0)},100);return()=>{clearTimeout(e)}}},[r]);let m=()=>{i(!0)},h=()=>{i(!1),o(!1)};return n?e===`intent`?[a,p,{onFocus:J(s,m),onBlur:J(c,h),onMouseEnter:J(l,m),onMouseLeave:J(u,h),onTouchStart:J(d,m)}]:[a,p,{}]:[!1,p,{}]}function J(e,t){return n=>{e&&e(n),n.defaultPrevented||t(n)}}function on({page:e,...t}){let n=We(),{nonce:r}=q(),{router:i}=tn(),a=f.useMemo(()=>ie(i.routes,e,i.basename),[i.routes,e,i.basename]);return a?(t.nonce==null&&r&&(t={...t,nonce:r}),n?f.createElement(cn,{page:e,matches:a,...t}):f.createElement(ln,{page:e,matches:a,...t})):null}function sn(e){let{manifest:t,routeModules:n}=q(),[r,i]=f.useState([]);return f.useEffect(()=>{let r=!1;return Yt(e,t,n).then(e=>{r||i(e)}),()=>{r=!0}},[e,t,n]),r}function cn({page:e,matches:t,...n}){let r=B(),{future:i}=q(),{basename:a}=tn(),o=f.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=Gt(e,a,i.v8_trailingSlashAwareDataRequests,`rsc`),o=!1,s=[];for(let e of t)typeof e.route.shouldRevalidate==`function`?o=!0:s.push(e.route.id);return o&&s.length>0&&n.searchParams.set(`_routes`,s.join(`,`)),[n.pathname+n.search]},[a,i.v8_trailingSlashAwareDataRequests,e,r,t]);return f.createElement(f.Fragment,null,o.map(e=>f.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})))}function ln({page:e,matches:t,...n}){let r=B(),{future:i,manifest:a,routeModules:o}=q(),{basename:s}=tn(),{loaderData:c,matches:l}=nn(),u=f.useMemo(()=>Xt(e,t,l,a,r,`data`),[e,t,l,a,r]),d=f.useMemo(()=>Xt(e,t,l,a,r,`assets`),[e,t,l,a,r]),p=f.useMemo(()=>{if(e===r.pathname+r.search+r.hash)return[];let n=new Set,l=!1;if(t.forEach(e=>{let t=a.routes[e.route.id];t&&t.hasLoader&&(!u.some(t=>t.route.id===e.route.id)&&e.route.id in c&&o[e.route.id]?.shouldRevalidate||t.hasClientLoader?l=!0:n.add(e.route.id))}),n.size===0)return[];let d=Gt(e,s,i.v8_trailingSlashAwareDataRequests,`data`);return l&&n.size>0&&d.searchParams.set(`_routes`,t.filter(e=>n.has(e.route.id)).map(e=>e.route.id).join(`,`)),[d.pathname+d.search]},[s,i.v8_trailingSlashAwareDataRequests,c,r,a,u,t,e,o]),m=f.useMemo(()=>Zt(d,a),[d,a]),h=sn(d);return f.createElement(f.Fragment,null,p.map(e=>f.createElement(`link`,{key:e,rel:`prefetch`,as:`fetch`,href:e,...n})),m.map(e=>f.createElement(`link`,{key:e,rel:`modulepreload`,href:e,...n})),h.map(({key:e,link:t})=>f.createElement(`link`,{key:e,nonce:n.nonce,...t,crossOrigin:t.crossOrigin??n.crossOrigin})))}function un(...e){return t=>{e.forEach(e=>{typeof e==`function`?e(t):e!=null&&(e.current=t)})}}f.Component;var dn=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0;try{dn&&(window.__reactRouterVersion=`7.18.7`)}catch{}function fn({basename:e,children:t,useTransitions:n,window:r}){let i=f.useRef();i.current??=v({window:r,v5Compat:!0});let a=i.current,[o,s]=f.useState({action:a.action,location:a.location}),c=f.useCallback(e=>{n===!1?s(e):f.startTransition(()=>s(e))},[n]);return f.useLayoutEffect(()=>a.listen(c),[a,c]),f.createElement(kt,{basename:e,children:t,location:o.location,navigationType:o.action,navigator:a,useTransitions:n})}var Y=f.forwardRef(function({onClick:e,discover:t=`render`,prefetch:n=`none`,relative:r,reloadDocument:i,replace:a,mask:o,state:s,target:c,to:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m,...h},g){let{basename:_,navigator:v,useTransitions:y}=f.useContext(I),b=typeof l==`string`&&p.test(l),x=Le(l,_);l=x.to;let S=et(l,{relative:r}),C=B(),w=null;if(o){let e=M(o,[],C.mask?C.mask.pathname:`/`,!0);_!==`/`&&(e.pathname=e.pathname===`/`?_:N([_,e.pathname])),w=v.createHref(e)}let[T,ee,te]=an(n,h),ne=_n(l,{replace:a,mask:o,state:s,target:c,preventScrollReset:u,relative:r,viewTransition:d,defaultShouldRevalidate:m,useTransitions:y});function E(t){e&&e(t),t.defaultPrevented||ne(t)}let D=!(x.isExternal||i),O=(D?w:void 0)||x.absoluteURL||S;re(O);let k=f.createElement(`a`,{...h,...te,href:O,onClick:D?E:e,ref:un(g,ee),target:c,"data-discover":!b&&t===`render`?`true`:void 0});return T&&!b?f.createElement(f.Fragment,null,k,f.createElement(on,{page:S})):k});Y.displayName=`Link`;var pn=f.forwardRef(function({"aria-current":e=`page`,caseSensitive:t=!1,className:n=``,end:r=!1,style:i,to:a,viewTransition:o,children:s,...c},l){let u=H(a,{relative:c.relative}),d=B(),p=f.useContext(He),{navigator:m,basename:h}=f.useContext(I),g=p!=null&&Cn(u)&&o===!0,_=m.encodeLocation?m.encodeLocation(u).pathname:u.pathname,v=d.pathname,y=p&&p.navigation&&p.navigation.location?p.navigation.location.pathname:null;t||(v=v.toLowerCase(),y=y?y.toLowerCase():null,_=_.toLowerCase()),y&&h&&(y=j(y,h)||y);let b=_!==`/`&&_.endsWith(`/`)?_.length-1:_.length,x=v===_||!r&&v.startsWith(_)&&v.charAt(b)===`/`,S=y!=null&&(y===_||!r&&y.startsWith(_)&&y.charAt(_.length)===`/`),C={isActive:x,isPending:S,isTransitioning:g},w=x?e:void 0,T;T=typeof n==`function`?n(C):[n,x?`active`:null,S?`pending`:null,g?`transitioning`:null].filter(Boolean).join(` `);let ee=typeof i==`function`?i(C):i;return f.createElement(Y,{...c,"aria-current":w,className:T,ref:l,style:ee,to:a,viewTransition:o},typeof s==`function`?s(C):s)});pn.displayName=`NavLink`;var mn=f.forwardRef(({discover:e=`render`,fetcherKey:t,navigate:n,reloadDocument:r,replace:i,state:a,method:o=Mt,action:s,onSubmit:c,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m,...h},g)=>{let{useTransitions:_}=f.useContext(I),v=xn(),y=Sn(s,{relative:l}),b=o.toLowerCase()===`get`?`get`:`post`,x=typeof s==`string`&&p.test(s);return f.createElement(`form`,{ref:g,method:b,action:y,onSubmit:r?c:e=>{if(c&&c(e),e.defaultPrevented)return;e.preventDefault();let r=e.nativeEvent.submitter,s=r?.getAttribute(`formmethod`)||o,p=()=>v(r||e.currentTarget,{fetcherKey:t,method:s,navigate:n,replace:i,state:a,relative:l,preventScrollReset:u,viewTransition:d,defaultShouldRevalidate:m});_&&n!==!1?f.startTransition(()=>p()):p()},...h,"data-discover":!x&&e===`render`?`true`:void 0})});mn.displayName=`Form`;function hn(e){return`${e} must be used within a data router.  See https://reactrouter.com/en/main/routers/picking-a-router.`}function gn(e){let t=f.useContext(F);return y(t,hn(e)),t}function _n(e,{target:t,replace:n,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c,useTransitions:l}={}){let u=V(),d=B(),p=H(e,{relative:o});return f.useCallback(m=>{if(Lt(m,t)){m.preventDefault();let t=n===void 0?w(d)===w(p):n,h=()=>u(e,{replace:t,mask:r,state:i,preventScrollReset:a,relative:o,viewTransition:s,defaultShouldRevalidate:c});l?f.startTransition(()=>h()):h()}},[d,u,p,n,r,i,t,e,a,o,s,c,l])}function vn(e){b(typeof URLSearchParams<`u`,"You cannot use the `useSearchParams` hook in a browser that does not support the URLSearchParams API. If you need to support Internet Explorer 11, we recommend you load a polyfill such as https://github.com/ungap/url-search-params.");let t=f.useRef(Rt(e)),n=f.useRef(!1),r=B(),i=f.useMemo(()=>zt(r.search,n.current?null:t.current),[r.search]),a=V();return[i,f.useCallback((e,t)=>{let r=Rt(typeof e==`function`?e(new URLSearchParams(i)):e);n.current=!0,a(`?`+r,t)},[a,i])]}var yn=0,bn=()=>`__${String(++yn)}__`;function xn(){let{router:e}=gn(`useSubmit`),{basename:t}=f.useContext(I),n=xt(),r=e.fetch,i=e.navigate;return f.useCallback(async(e,a={})=>{let{action:o,method:s,encType:c,formData:l,body:u}=Ut(e,t);if(a.navigate===!1){let e=a.fetcherKey||bn();await r(e,n,a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,flushSync:a.flushSync})}else await i(a.action||o,{defaultShouldRevalidate:a.defaultShouldRevalidate,preventScrollReset:a.preventScrollReset,formData:l,body:u,formMethod:a.method||s,formEncType:a.encType||c,replace:a.replace,state:a.state,fromRouteId:n,flushSync:a.flushSync,viewTransition:a.viewTransition})},[r,i,t,n])}function Sn(e,{relative:t}={}){let{basename:n}=f.useContext(I),r=f.useContext(R);y(r,`useFormAction must be used inside a RouteContext`);let[i]=r.matches.slice(-1),a={...H(e||`.`,{relative:t})},o=B();if(e==null){a.search=o.search;let e=new URLSearchParams(a.search),t=e.getAll(`index`);if(t.some(e=>e===``)){e.delete(`index`),t.filter(e=>e).forEach(t=>e.append(`index`,t));let n=e.toString();a.search=n?`?${n}`:``}}(!e||e===`.`)&&i.route.index&&(a.search=a.search?a.search.replace(/^\?/,`?index&`):`?index`),n!==`/`&&(a.pathname=a.pathname===`/`?n:N([n,a.pathname]));let s=w(a);return re(s),s}function Cn(e,{relative:t}={}){let n=f.useContext(Ge);y(n!=null,"`useViewTransitionState` must be used within `react-router-dom`'s `RouterProvider`.  Did you accidentally import `RouterProvider` from `react-router`?");let{basename:r}=gn(`useViewTransitionState`),i=H(e,{relative:t});if(!n.isTransitioning)return!1;let a=j(n.currentLocation.pathname,r)||n.currentLocation.pathname,o=j(n.nextLocation.pathname,r)||n.nextLocation.pathname;return A(i.pathname,o)!=null||A(i.pathname,a)!=null}var wn=t(),X=d();function Tn(){let[e,t]=(0,f.useState)(a()),[n,r]=(0,f.useState)(``);return(0,f.useEffect)(()=>c(t),[]),e?(0,X.jsxs)(`form`,{className:`token-prompt`,onSubmit:e=>{e.preventDefault(),u(n.trim()||null)},children:[(0,X.jsx)(`strong`,{children:`This control plane needs an API token.`}),l()&&(0,X.jsx)(`span`,{className:`error-text`,children:` The stored token was refused.`}),(0,X.jsx)(`input`,{type:`password`,"aria-label":`API token`,placeholder:`server.auth_token`,value:n,onChange:e=>r(e.target.value)}),(0,X.jsx)(`button`,{type:`submit`,children:`Use token`})]}):null}var En=[{path:`/locations`,label:`Code locations`},{path:`/runs`,label:`Runs`},{path:`/partitions`,label:`Partitions`},{path:`/backfills`,label:`Backfills`},{path:`/catalog`,label:`Assets`},{path:`/instance`,label:`Instance`}];function Dn(){return(0,X.jsxs)(`div`,{className:`app`,children:[(0,X.jsxs)(`header`,{className:`top`,children:[(0,X.jsx)(pn,{to:`/`,className:`brand`,children:`Lodestar`}),(0,X.jsxs)(`nav`,{children:[En.map(e=>(0,X.jsx)(pn,{to:e.path,children:e.label},e.path)),(0,X.jsx)(`a`,{href:`/graphql`,children:`GraphiQL`})]})]}),(0,X.jsx)(Tn,{}),(0,X.jsx)(`main`,{children:(0,X.jsx)(Ot,{})})]})}function On({status:e}){return(0,X.jsx)(`span`,{className:`status status-${e.toLowerCase()}`,children:e})}function Z({title:e,children:t}){return(0,X.jsxs)(`div`,{className:`error-box`,role:`alert`,children:[(0,X.jsx)(`strong`,{children:e}),t&&(0,X.jsx)(`div`,{children:t})]})}function kn({error:e,loading:t}){return e?(0,X.jsx)(Z,{title:e.message}):t?(0,X.jsx)(`p`,{className:`muted`,children:`Loading…`}):null}function An({result:e}){return(0,X.jsx)(Z,{title:e.message??`Unknown error`,children:e.__typename})}function jn(e){if(e==null||e<0)return`–`;if(e<1)return`${Math.round(e*1e3)} ms`;if(e<60)return`${e.toFixed(1)} s`;let t=Math.floor(e/60);return t<60?`${t}m ${Math.round(e%60)}s`:`${Math.floor(t/60)}h ${t%60}m`}function Mn(e){return e==null?`–`:new Date(e*1e3).toLocaleString()}var Nn=`/graphql`,Q=class extends Error{kind;constructor(e,t){super(e),this.kind=t}};async function Pn(e,t){let n;try{n=await fetch(Nn,{method:`POST`,headers:{"Content-Type":`application/json`,...s()},body:JSON.stringify({query:e.toString(),variables:t??{}})})}catch{throw new Q(`Cannot reach the control plane at ${window.location.origin}. Is \`lodestar up\` running?`,`unreachable`)}if(n.status===401)throw i(!0),new Q(`The control plane asks for an API token.`,`auth`);let r;try{r=await n.json()}catch{throw new Q(`The control plane answered HTTP ${n.status}.`,`http`)}if(r.errors?.length)throw new Q(`GraphQL error: ${r.errors.map(e=>e.message).join(`; `)}`,`graphql`);if(!n.ok||r.data===void 0)throw new Q(`The control plane answered HTTP ${n.status}.`,`http`);return i(!1),r.data}function Fn(e,t,n={}){let{pollMs:i,skip:a}=n,o=JSON.stringify(t),[s,c]=(0,f.useState)({}),l=(0,f.useRef)(0),u=(0,f.useRef)(0),d=(0,f.useCallback)(async()=>{let t=++l.current;u.current++;try{let n=await Pn(e,JSON.parse(o));t===l.current&&c({data:n,key:o})}catch(e){if(t===l.current){let t=e instanceof Q?e:new Q(String(e),`graphql`);c(e=>({...e,error:t,key:o}))}}finally{u.current--}},[e,o]);(0,f.useEffect)(()=>{if(!a)return d(),r(()=>void d())},[d,a]),(0,f.useEffect)(()=>{if(a||!i)return;let e=!1,t,n=async()=>{u.current===0&&await d(),e||(t=window.setTimeout(n,i))};return t=window.setTimeout(n,i),()=>{e=!0,window.clearTimeout(t)}},[d,i,a]);let p=s.key===o;return{data:p?s.data:void 0,error:p?s.error:void 0,loading:!p||s.data===void 0&&s.error===void 0,refetch:d}}var $=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},In=new $(`
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
  }
}
    `,{fragmentName:`BackfillFields`}),Ln=new $(`
    fragment MaterializationFields on AssetMaterialization {
  cursor
  runId
  stepKey
  timestamp
  partition
  description
  metadata
}
    `,{fragmentName:`MaterializationFields`});new $(`
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
    `,{fragmentName:`LineageFields`});var Rn=new $(`
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
    `,{fragmentName:`RunEventFields`}),zn={"\n  fragment BackfillFields on Backfill {\n    backfillId\n    partitionSet\n    location\n    status\n    fromFailure\n    error\n    createdAt\n    tags {\n      key\n      value\n    }\n    progress {\n      requested\n      submitted\n      skipped\n      queued\n      inProgress\n      succeeded\n      failed\n      canceled\n      done\n      finished\n    }\n  }\n":In,"\n  query Backfill($id: String!, $withPartitions: Boolean!) {\n    backfill(id: $id) {\n      __typename\n      ... on Backfill {\n        ...BackfillFields\n        daemonHeartbeatAge\n        partitionStatuses @include(if: $withPartitions) {\n          partition\n          status\n          runId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
  }
}`),"\n  mutation CancelBackfill($id: String!, $terminate: Boolean!) {\n    cancelBackfill(backfillId: $id, terminate: $terminate) {\n      __typename\n      ... on CancelBackfillSuccess {\n        backfill {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  fragment MaterializationFields on AssetMaterialization {\n    cursor\n    runId\n    stepKey\n    timestamp\n    partition\n    description\n    metadata\n  }\n":Ln,"\n  query Asset($key: String!) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        key {\n          key\n        }\n        materializationCount\n        wipedAt\n        definedBy {\n          location\n          pipeline\n          solid\n          output\n        }\n        latestMaterialization {\n          ...MaterializationFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
}`),"\n  query AssetHistory($key: String!, $cursor: String) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        materializations(limit: 20, cursor: $cursor) {\n          __typename\n          ... on AssetMaterializationConnection {\n            cursor\n            hasMore\n            nodes {\n              ...MaterializationFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
}`),"\n  query AssetLineage($key: String!, $depth: Int) {\n    asset(key: $key) {\n      __typename\n      ... on Asset {\n        upstream: lineage(direction: UPSTREAM, depth: $depth) {\n          __typename\n          ... on AssetLineage {\n            nodes {\n              ...LineageFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n        downstream: lineage(direction: DOWNSTREAM, depth: $depth) {\n          __typename\n          ... on AssetLineage {\n            nodes {\n              ...LineageFields\n            }\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n\n  fragment LineageFields on LineageEntry {\n    key {\n      key\n    }\n    above {\n      key\n    }\n    depth\n    truncated\n  }\n":new $(`
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
}`),"\n  mutation WipeAsset($key: String!) {\n    wipeAsset(key: $key) {\n      __typename\n      ... on WipeAssetSuccess {\n        wiped\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Assets {\n    assets {\n      __typename\n      ... on AssetConnection {\n        nodes {\n          key {\n            key\n          }\n          materializationCount\n          latestMaterialization {\n            timestamp\n            runId\n            partition\n          }\n          definedBy {\n            pipeline\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Backfills {\n    backfills(limit: 100) {\n      __typename\n      ... on BackfillConnection {\n        nodes {\n          ...BackfillFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
  }
}`),"\n  query CodeLocations {\n    codeLocations {\n      __typename\n      ... on CodeLocationConnection {\n        nodes {\n          name\n          address\n          status\n          error\n          serverId\n          repositoryName\n          pipelines {\n            name\n            description\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  mutation ReloadCodeLocation($name: String!) {\n    reloadCodeLocation(name: $name) {\n      __typename\n      ... on CodeLocation {\n        name\n        status\n        error\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Instance {\n    instance {\n      processId\n      isDaemonLeader\n      daemonLeader {\n        holder\n        term\n        expiresAt\n        expiresIn\n      }\n      daemonHeartbeats {\n        daemonType\n        daemonId\n        timestamp\n        age\n      }\n      maxConcurrentRuns\n      backfillChunkSize\n      backfillIntervalSeconds\n      leaseTtlSeconds\n    }\n    inFlight: runs(filter: { statuses: [STARTING, STARTED, CANCELING] }, limit: 100) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          pipelineName\n          status\n          startTime\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    queued: runs(filter: { statuses: [QUEUED] }, limit: 1) {\n      __typename\n      ... on RunConnection {\n        count\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query ValidateRunConfig(\n    $pipeline: String!\n    $location: String\n    $runConfig: JSON\n    $mode: String\n    $solidSelection: [String!]\n  ) {\n    executionPlan(\n      pipeline: $pipeline\n      location: $location\n      runConfig: $runConfig\n      mode: $mode\n      solidSelection: $solidSelection\n    ) {\n      __typename\n      ... on ExecutionPlan {\n        steps {\n          key\n        }\n      }\n      ... on RunConfigValidationError {\n        errors {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  mutation LaunchRun(\n    $pipeline: String!\n    $location: String\n    $runConfig: JSON\n    $mode: String\n    $solidSelection: [String!]\n    $tags: [TagInput!]\n  ) {\n    launchRun(\n      pipeline: $pipeline\n      location: $location\n      runConfig: $runConfig\n      mode: $mode\n      solidSelection: $solidSelection\n      tags: $tags\n    ) {\n      __typename\n      ... on LaunchRunSuccess {\n        run {\n          runId\n        }\n      }\n      ... on RunConfigValidationError {\n        errors {\n          path\n          message\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
    mutation LaunchRun($pipeline: String!, $location: String, $runConfig: JSON, $mode: String, $solidSelection: [String!], $tags: [TagInput!]) {
  launchRun(
    pipeline: $pipeline
    location: $location
    runConfig: $runConfig
    mode: $mode
    solidSelection: $solidSelection
    tags: $tags
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
    `),"\n  query PartitionSetPage($name: String!) {\n    partitionSet(name: $name) {\n      __typename\n      ... on PartitionSet {\n        name\n        location\n        pipelineName\n        mode\n        description\n        statusMatrix {\n          __typename\n          ... on StatusMatrix {\n            solids\n            partitions\n            cells\n            runIds\n            runStatuses\n          }\n          ... on Error {\n            message\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query PartitionRuns($partitionSet: String!, $partition: String!) {\n    partitionRuns(partitionSet: $partitionSet, partition: $partition, limit: 50) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          status\n          createdAt\n          parentRunId\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  mutation LaunchBackfill(\n    $partitionSet: String!\n    $partitions: [String!]\n    $fromPartition: String\n    $toPartition: String\n    $all: Boolean!\n    $fromFailure: Boolean!\n    $tags: [TagInput!]\n  ) {\n    launchBackfill(\n      partitionSet: $partitionSet\n      partitions: $partitions\n      fromPartition: $fromPartition\n      toPartition: $toPartition\n      all: $all\n      fromFailure: $fromFailure\n      tags: $tags\n    ) {\n      __typename\n      ... on LaunchBackfillSuccess {\n        backfill {\n          backfillId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query PartitionSets {\n    partitionSets {\n      __typename\n      ... on PartitionSetConnection {\n        nodes {\n          name\n          location\n          pipelineName\n          mode\n          description\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Runs($filter: RunsFilter, $limit: Int!, $cursor: String) {\n    runs(filter: $filter, limit: $limit, cursor: $cursor) {\n      __typename\n      ... on RunConnection {\n        count\n        cursor\n        hasMore\n        nodes {\n          runId\n          pipelineName\n          location\n          status\n          createdAt\n          startTime\n          endTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Pipeline($name: String!, $location: String) {\n    pipeline(name: $name, location: $location) {\n      __typename\n      ... on Pipeline {\n        name\n        location\n        description\n        tags {\n          key\n          value\n        }\n        modes {\n          name\n          description\n          resources {\n            name\n            description\n            configSchema\n          }\n        }\n        dependencies {\n          solid\n          upstreamSolid\n          kind\n        }\n        solids {\n          name\n          definitionName\n          description\n          configSchema\n          requiredResourceKeys\n          tags {\n            key\n            value\n          }\n          retryPolicy {\n            maxRetries\n            delay\n          }\n          mappedOver {\n            solid\n            output\n          }\n          inputs {\n            name\n            type\n            description\n            hasDefault\n            sources {\n              solid\n              output\n              kind\n            }\n          }\n          outputs {\n            name\n            type\n            description\n            isDynamic\n            isRequired\n            assetKey {\n              key\n            }\n          }\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Run($runId: String!) {\n    run(runId: $runId) {\n      __typename\n      ... on Run {\n        runId\n        pipelineName\n        location\n        status\n        mode\n        runConfig\n        solidSelection\n        stepSelection\n        parentRunId\n        rootRunId\n        createdAt\n        startTime\n        endTime\n        tags {\n          key\n          value\n        }\n        stepStats {\n          stepKey\n          status\n          attempts\n          startTime\n          endTime\n          error\n        }\n        stepFailures {\n          ...RunEventFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n    children: runs(filter: { parentRunId: $runId }, limit: 100) {\n      __typename\n      ... on RunConnection {\n        count\n        nodes {\n          runId\n          status\n          stepSelection\n        }\n      }\n    }\n  }\n":new $(`
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
}`),"\n  fragment RunEventFields on RunEvent {\n    cursor\n    stepKey\n    eventType\n    timestamp\n    message\n    level\n    attempt\n    error {\n      className\n      message\n      stack\n      cause\n    }\n  }\n":Rn,"\n  query RunEvents($runId: String!, $afterCursor: String, $limit: Int!) {\n    runEvents(runId: $runId, afterCursor: $afterCursor, limit: $limit) {\n      __typename\n      ... on RunEventConnection {\n        cursor\n        hasMore\n        events {\n          ...RunEventFields\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
}`),"\n  mutation TerminateRun($runId: String!) {\n    terminateRun(runId: $runId) {\n      __typename\n      ... on TerminateRunSuccess {\n        run {\n          status\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `),"\n  mutation ReexecuteRun($runId: String!, $fromFailure: Boolean!, $stepSelection: [String!]) {\n    reexecuteRun(runId: $runId, fromFailure: $fromFailure, stepSelection: $stepSelection) {\n      __typename\n      ... on LaunchRunSuccess {\n        run {\n          runId\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n":new $(`
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
    `)};function Bn(e){return zn[e]??{}}var Vn=Bn(`
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
`),Hn=Bn(`
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
`);function Un(){let{data:e,error:t,loading:n,refetch:r}=Fn(Vn,{},{pollMs:3e3}),[i,a]=(0,f.useState)(null),[o,s]=(0,f.useState)({});async function c(e){a(e);try{let t=(await Pn(Hn,{name:e})).reloadCodeLocation,n=t.__typename===`CodeLocation`?`Reloaded: ${t.status}${t.error?` (${t.error.split(`
`)[0]})`:``}`:`Reload failed: ${t.message}`;s(t=>({...t,[e]:n}))}catch(t){s(n=>({...n,[e]:`Reload failed: ${t.message}`}))}finally{a(null),await r()}}let l=e?.codeLocations;return(0,X.jsxs)(`section`,{children:[(0,X.jsx)(`h1`,{children:`Code locations`}),(0,X.jsx)(kn,{error:t,loading:n&&!e}),l&&l.__typename!==`CodeLocationConnection`&&(0,X.jsx)(An,{result:l}),l?.__typename===`CodeLocationConnection`&&(l.nodes.length===0?(0,X.jsx)(Z,{title:`The workspace has no code locations.`}):l.nodes.map(e=>(0,X.jsxs)(`article`,{className:`card location`,"data-location":e.name,children:[(0,X.jsxs)(`header`,{className:`card-head`,children:[(0,X.jsx)(`h2`,{children:e.name}),(0,X.jsx)(On,{status:e.status}),(0,X.jsxs)(`span`,{className:`muted`,children:[e.address,e.repositoryName&&` · repository ${e.repositoryName}`]}),(0,X.jsx)(`button`,{onClick:()=>void c(e.name),disabled:i===e.name,children:i===e.name?`Reloading…`:`Reload`})]}),o[e.name]&&(0,X.jsx)(`p`,{className:`muted reload-outcome`,children:o[e.name]}),e.error&&(0,X.jsxs)(`div`,{className:`error-box`,children:[(0,X.jsx)(`strong`,{children:`Load error`}),(0,X.jsx)(`pre`,{className:`stack`,children:e.error})]}),e.pipelines.length>0&&(0,X.jsxs)(`table`,{className:`grid`,children:[(0,X.jsx)(`thead`,{children:(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`th`,{children:`Pipeline`}),(0,X.jsx)(`th`,{children:`Description`}),(0,X.jsx)(`th`,{})]})}),(0,X.jsx)(`tbody`,{children:e.pipelines.map(t=>{let n=`/locations/${encodeURIComponent(e.name)}/pipelines/${encodeURIComponent(t.name)}`;return(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`td`,{children:(0,X.jsx)(Y,{to:n,children:t.name})}),(0,X.jsx)(`td`,{children:t.description}),(0,X.jsx)(`td`,{children:(0,X.jsx)(Y,{to:`${n}/launchpad`,children:`Launchpad`})})]},t.name)})})]})]},e.name)))]})}var Wn=Bn(`
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
`),Gn=[`QUEUED`,`STARTING`,`STARTED`,`SUCCESS`,`FAILURE`,`CANCELING`,`CANCELED`],Kn=50;function qn(e){let t=e.indexOf(`=`);return t>0?{key:e.slice(0,t).trim(),value:e.slice(t+1).trim()}:null}function Jn(){let[e,t]=vn(),n=e.getAll(`status`),r=e.get(`pipeline`)??``,i=e.getAll(`tag`).map(qn).filter(e=>e!==null),a=e.get(`cursor`),[o,s]=(0,f.useState)([]),{data:c,error:l,loading:u}=Fn(Wn,{filter:{statuses:n.length?n:null,pipelineName:r||null,tags:i.length?i:null},limit:Kn,cursor:a},{pollMs:2e3});function d(n){let r=new URLSearchParams(e);n(r),r.delete(`cursor`),s([]),t(r)}function p(n,r){let i=new URLSearchParams(e);n?i.set(`cursor`,n):i.delete(`cursor`),s(r?o.slice(0,-1):[...o,a]),t(i)}let m=c?.runs;return(0,X.jsxs)(`section`,{children:[(0,X.jsx)(`h1`,{children:`Runs`}),(0,X.jsxs)(`div`,{className:`filters`,children:[(0,X.jsx)(`fieldset`,{className:`status-filter`,children:Gn.map(e=>(0,X.jsxs)(`label`,{children:[(0,X.jsx)(`input`,{type:`checkbox`,checked:n.includes(e),onChange:t=>d(r=>{let i=t.target.checked?[...n,e]:n.filter(t=>t!==e);r.delete(`status`),i.forEach(e=>r.append(`status`,e))})}),e]},e))}),(0,X.jsx)(Yn,{label:`Pipeline`,initial:r,onApply:e=>d(t=>e?t.set(`pipeline`,e):t.delete(`pipeline`))}),(0,X.jsx)(Yn,{label:`Tag key=value`,initial:e.getAll(`tag`).join(`, `),onApply:e=>d(t=>{t.delete(`tag`),e.split(`,`).map(e=>e.trim()).filter(e=>qn(e)).forEach(e=>t.append(`tag`,e))})})]}),(0,X.jsx)(kn,{error:l,loading:u&&!c}),m&&m.__typename!==`RunConnection`&&(0,X.jsx)(An,{result:m}),m?.__typename===`RunConnection`&&(0,X.jsxs)(X.Fragment,{children:[(0,X.jsxs)(`p`,{className:`muted`,children:[m.count,` run`,m.count===1?``:`s`]}),(0,X.jsxs)(`table`,{className:`grid runs`,children:[(0,X.jsx)(`thead`,{children:(0,X.jsxs)(`tr`,{children:[(0,X.jsx)(`th`,{children:`Run`}),(0,X.jsx)(`th`,{children:`Status`}),(0,X.jsx)(`th`,{children:`Pipeline`}),(0,X.jsx)(`th`,{children:`Partition`}),(0,X.jsx)(`th`,{children:`Tags`}),(0,X.jsx)(`th`,{children:`Created`}),(0,X.jsx)(`th`,{children:`Duration`})]})}),(0,X.jsx)(`tbody`,{children:m.nodes.map(e=>{let t=e.endTime??(e.startTime?Date.now()/1e3:null);return(0,X.jsxs)(`tr`,{"data-run-id":e.runId,children:[(0,X.jsx)(`td`,{children:(0,X.jsx)(Y,{to:`/runs/${e.runId}`,className:`mono`,children:e.runId.slice(0,8)})}),(0,X.jsx)(`td`,{children:(0,X.jsx)(On,{status:e.status})}),(0,X.jsx)(`td`,{children:e.pipelineName}),(0,X.jsx)(`td`,{children:e.tags.find(e=>e.key===`lodestar/partition`)?.value??``}),(0,X.jsx)(`td`,{children:e.tags.map(e=>(0,X.jsxs)(`span`,{className:`tag`,children:[e.key,`=`,e.value]},e.key))}),(0,X.jsx)(`td`,{children:Mn(e.createdAt)}),(0,X.jsx)(`td`,{children:jn(e.startTime&&t?t-e.startTime:null)})]},e.runId)})})]}),(0,X.jsxs)(`div`,{className:`pager`,children:[(0,X.jsx)(`button`,{disabled:!a,onClick:()=>p(o.at(-1)??null,!0),children:`Previous`}),(0,X.jsx)(`button`,{disabled:!m.hasMore,onClick:()=>p(m.cursor??null,!1),children:`Next`})]})]})]})}function Yn(e){let[t,n]=(0,f.useState)(e.initial);return(0,X.jsx)(`form`,{onSubmit:n=>{n.preventDefault(),e.onApply(t.trim())},children:(0,X.jsx)(`input`,{"aria-label":e.label,placeholder:e.label,value:t,onChange:e=>n(e.target.value),onBlur:()=>t.trim()!==e.initial&&e.onApply(t.trim())})})}var Xn=(0,f.lazy)(()=>n(()=>import(`./Pipeline-CsAOBBmC.js`),__vite__mapDeps([0,1,2,3,4]))),Zn=(0,f.lazy)(()=>n(()=>import(`./Launchpad-DldabEut.js`),__vite__mapDeps([5,1,2,4]))),Qn=(0,f.lazy)(()=>n(()=>import(`./Run-uIaDjU4W.js`),__vite__mapDeps([6,1,2,7,8]))),$n=(0,f.lazy)(()=>n(()=>import(`./PartitionSets-DWJhmja7.js`),__vite__mapDeps([9,2,1]))),er=(0,f.lazy)(()=>n(()=>import(`./PartitionSet-WiqRAG1b.js`),__vite__mapDeps([10,1,2,11,12,7,8]))),tr=(0,f.lazy)(()=>n(()=>import(`./Backfills-CViGXuDY.js`),__vite__mapDeps([13,12,2,1]))),nr=(0,f.lazy)(()=>n(()=>import(`./Backfill-DRELK4R1.js`),__vite__mapDeps([14,1,7,2,8,12,11]))),rr=(0,f.lazy)(()=>n(()=>import(`./Assets-B7Qr4BX1.js`),__vite__mapDeps([15,16,1,2,3]))),ir=(0,f.lazy)(()=>n(()=>import(`./Asset-oYupyBkS.js`),__vite__mapDeps([17,1,2,16,3]))),ar=(0,f.lazy)(()=>n(()=>import(`./Instance-CREszH1V.js`),__vite__mapDeps([18,2,1])));function or(){return(0,X.jsx)(Z,{title:`No page at ${window.location.pathname}`})}function sr(){return(0,X.jsx)(fn,{children:(0,X.jsx)(f.Suspense,{fallback:(0,X.jsx)(`p`,{className:`muted`,children:`Loading…`}),children:(0,X.jsx)(At,{children:(0,X.jsxs)(U,{element:(0,X.jsx)(Dn,{}),children:[(0,X.jsx)(U,{index:!0,element:(0,X.jsx)(Dt,{to:`/runs`,replace:!0})}),(0,X.jsx)(U,{path:`locations`,element:(0,X.jsx)(Un,{})}),(0,X.jsx)(U,{path:`locations/:location/pipelines/:pipeline`,element:(0,X.jsx)(Xn,{})}),(0,X.jsx)(U,{path:`locations/:location/pipelines/:pipeline/launchpad`,element:(0,X.jsx)(Zn,{})}),(0,X.jsx)(U,{path:`runs`,element:(0,X.jsx)(Jn,{})}),(0,X.jsx)(U,{path:`runs/:runId`,element:(0,X.jsx)(Qn,{})}),(0,X.jsx)(U,{path:`partitions`,element:(0,X.jsx)($n,{})}),(0,X.jsx)(U,{path:`partitions/:name`,element:(0,X.jsx)(er,{})}),(0,X.jsx)(U,{path:`backfills`,element:(0,X.jsx)(tr,{})}),(0,X.jsx)(U,{path:`backfills/:backfillId`,element:(0,X.jsx)(nr,{})}),(0,X.jsx)(U,{path:`catalog`,element:(0,X.jsx)(rr,{})}),(0,X.jsx)(U,{path:`catalog/key/*`,element:(0,X.jsx)(ir,{})}),(0,X.jsx)(U,{path:`instance`,element:(0,X.jsx)(ar,{})}),(0,X.jsx)(U,{path:`*`,element:(0,X.jsx)(or,{})})]})})})})}(0,wn.createRoot)(document.getElementById(`root`)).render((0,X.jsx)(f.StrictMode,{children:(0,X.jsx)(sr,{})}));export{kn as a,jn as c,V as d,ot as f,Z as i,Mn as l,Pn as n,An as o,vn as p,Fn as r,On as s,Bn as t,Y as u};