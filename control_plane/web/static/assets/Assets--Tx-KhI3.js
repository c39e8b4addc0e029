import{a as e,c as t,d as n,i as r,m as i,n as a,u as o}from"./index-UtIBear6.js";import{n as s}from"./LineageGraph-C0On9DC_.js";import{t as c}from"./jsx-runtime-CYb7M32Z.js";var l=c(),u=a(`
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
`);function d(){let[a,c]=i(),d=a.get(`prefix`)??``,f=a.get(`q`)??``,{data:p,error:m,loading:h}=o(u,{}),g=p?.assets,_=g?.__typename===`AssetConnection`?g.nodes:[],v=new Map,y=[];if(f)y.push(..._.filter(e=>e.key.key.toLowerCase().includes(f.toLowerCase())));else for(let e of _){if(!e.key.key.startsWith(d))continue;let t=e.key.key.slice(d.length),n=t.indexOf(`/`);n<0?y.push(e):v.set(t.slice(0,n+1),(v.get(t.slice(0,n+1))??0)+1)}let b=d.split(`/`).filter(Boolean);return(0,l.jsxs)(`section`,{children:[(0,l.jsx)(`h1`,{children:`Assets`}),(0,l.jsx)(`div`,{className:`filters`,children:(0,l.jsx)(`input`,{"aria-label":`Search assets`,placeholder:`search by key`,value:f,onChange:e=>c(e.target.value?{q:e.target.value}:d?{prefix:d}:{})})}),!f&&(0,l.jsxs)(`nav`,{className:`crumbs`,"aria-label":`Key prefix`,children:[(0,l.jsx)(n,{to:`/catalog`,children:`all`}),b.map((e,t)=>(0,l.jsxs)(`span`,{children:[` / `,(0,l.jsx)(n,{to:`/catalog?prefix=${encodeURIComponent(b.slice(0,t+1).join(`/`)+`/`)}`,children:e})]},t))]}),(0,l.jsx)(r,{error:m,loading:h&&!p}),g&&g.__typename!==`AssetConnection`&&(0,l.jsx)(e,{result:g}),(0,l.jsxs)(`table`,{className:`grid assets`,children:[(0,l.jsx)(`thead`,{children:(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`th`,{children:`Key`}),(0,l.jsx)(`th`,{children:`Materializations`}),(0,l.jsx)(`th`,{children:`Latest`}),(0,l.jsx)(`th`,{children:`Partition`}),(0,l.jsx)(`th`,{children:`Defined by`})]})}),(0,l.jsxs)(`tbody`,{children:[[...v.entries()].map(([e,t])=>(0,l.jsx)(`tr`,{"data-folder":d+e,children:(0,l.jsxs)(`td`,{colSpan:5,children:[`📁`,` `,(0,l.jsx)(n,{to:`/catalog?prefix=${encodeURIComponent(d+e)}`,children:e}),` `,(0,l.jsxs)(`span`,{className:`muted`,children:[t,` assets`]})]})},e)),y.map(e=>(0,l.jsxs)(`tr`,{"data-asset":e.key.key,children:[(0,l.jsx)(`td`,{children:(0,l.jsx)(n,{to:s(e.key.key),children:f?e.key.key:e.key.key.slice(d.length)})}),(0,l.jsx)(`td`,{children:e.materializationCount}),(0,l.jsx)(`td`,{children:e.latestMaterialization?(0,l.jsxs)(l.Fragment,{children:[t(e.latestMaterialization.timestamp),` `,(0,l.jsx)(n,{className:`mono`,to:`/runs/${e.latestMaterialization.runId}`,children:e.latestMaterialization.runId.slice(0,8)})]}):(0,l.jsx)(`span`,{className:`muted`,children:`never`})}),(0,l.jsx)(`td`,{children:e.latestMaterialization?.partition??``}),(0,l.jsx)(`td`,{children:[...new Set(e.definedBy.map(e=>e.pipeline))].join(`, `)})]},e.key.key))]})]})]})}export{d as default};