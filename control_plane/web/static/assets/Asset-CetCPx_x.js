import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{l as t,t as n}from"./jsx-runtime-CYb7M32Z.js";import{a as r,c as i,d as a,i as o,l as s,m as c,n as l,p as u,r as d,u as f}from"./index-UtIBear6.js";import{t as p}from"./LineageGraph-C0On9DC_.js";var m=e(t(),1),h=n();function g({label:e,points:t}){if(t.length===0)return null;let n=t.map(e=>e.t),r=t.map(e=>e.v),[i,a]=[Math.min(...n),Math.max(...n)],[o,s]=[Math.min(...r),Math.max(...r)],c=e=>a===i?140:4+(e-i)/(a-i)*272,l=e=>s===o?35:66-(e-o)/(s-o)*62,u=[...t].sort((e,t)=>e.t-t.t);return(0,h.jsxs)(`figure`,{className:`chart`,"data-metadata":e,children:[(0,h.jsxs)(`figcaption`,{children:[e,` `,(0,h.jsx)(`span`,{className:`muted`,children:o===s?o:`${o} – ${s}`})]}),(0,h.jsxs)(`svg`,{width:280,height:70,children:[(0,h.jsx)(`polyline`,{points:u.map(e=>`${c(e.t)},${l(e.v)}`).join(` `)}),u.map((e,t)=>(0,h.jsx)(`circle`,{cx:c(e.t),cy:l(e.v),r:2.5,children:(0,h.jsx)(`title`,{children:`${new Date(e.t*1e3).toLocaleString()}: ${e.v}`})},t))]})]})}function _(e){let t=new Map,n=new Set;for(let r of e){let e=r.metadata??{};for(let[i,a]of Object.entries(e))typeof a==`number`?t.set(i,[...t.get(i)??[],{t:r.timestamp,v:a}]):n.add(i)}return[...t.entries()].filter(([e])=>!n.has(e))}function v(e,t){let n=new Map,r=new Map,i=(e,t)=>{for(let i of e){let e=i.key.key,a=n.get(e),o=i.depth===0?0:t*i.depth;if(!a||Math.abs(o)<Math.abs(a.depth)?n.set(e,{key:e,depth:o,truncated:i.truncated||(a?.truncated??!1)}):i.truncated&&(a.truncated=!0),i.above){let n=t<0?{from:e,to:i.above.key}:{from:i.above.key,to:e};r.set(`${n.from}\u0000${n.to}`,n)}}};return i(e,-1),i(t,1),{nodes:[...n.values()],edges:[...r.values()]}}l(`
  fragment MaterializationFields on AssetMaterialization {
    cursor
    runId
    stepKey
    timestamp
    partition
    description
    metadata
  }
`);var y=l(`
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
`),b=l(`
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
`),x=l(`
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
  }
`),S=l(`
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
`);function C(){let e=u()[`*`]??``,{data:t,error:n,loading:s,refetch:c}=f(y,{key:e}),l=t?.asset;return(0,h.jsxs)(`section`,{className:`asset-page`,children:[(0,h.jsx)(o,{error:n,loading:s&&!t}),l&&l.__typename!==`Asset`&&(0,h.jsx)(r,{result:l}),l?.__typename===`Asset`&&(0,h.jsxs)(h.Fragment,{children:[(0,h.jsxs)(`h1`,{children:[(0,h.jsx)(a,{to:`/catalog`,children:`Assets`}),` / `,(0,h.jsx)(`span`,{className:`mono`,children:l.key.key})]}),(0,h.jsxs)(`dl`,{className:`run-facts`,children:[(0,h.jsx)(`dt`,{children:`Materializations`}),(0,h.jsx)(`dd`,{"data-testid":`materialization-count`,children:l.materializationCount}),(0,h.jsx)(`dt`,{children:`Defined by`}),(0,h.jsx)(`dd`,{children:l.definedBy.length===0?`no loaded code location`:l.definedBy.map(e=>(0,h.jsxs)(`span`,{className:`tag`,children:[(0,h.jsx)(a,{to:`/locations/${encodeURIComponent(e.location)}/pipelines/${encodeURIComponent(e.pipeline)}`,children:e.pipeline}),` `,e.solid,`.`,e.output]},`${e.location}/${e.pipeline}/${e.solid}/${e.output}`))}),l.wipedAt&&(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(`dt`,{children:`Wiped`}),(0,h.jsx)(`dd`,{children:i(l.wipedAt)})]}),(0,h.jsx)(`dt`,{children:`Latest`}),(0,h.jsx)(`dd`,{"data-testid":`latest-materialization`,children:l.latestMaterialization?(0,h.jsx)(w,{m:l.latestMaterialization}):(0,h.jsx)(`span`,{className:`muted`,children:`never materialized`})})]}),(0,h.jsx)(E,{assetKey:e}),(0,h.jsx)(D,{assetKey:e,version:l.materializationCount}),(0,h.jsx)(O,{assetKey:e,onWiped:()=>void c()})]})]})}function w({m:e}){return(0,h.jsxs)(h.Fragment,{children:[i(e.timestamp),` · run`,` `,(0,h.jsx)(a,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)}),` `,`· step `,(0,h.jsx)(`span`,{className:`mono`,children:e.stepKey}),e.partition?` · partition ${e.partition}`:``]})}var T=2;function E({assetKey:e}){let[t,n]=c(),i=t.get(`depth`),a=i===`all`?0:Number(i)>0?Number(i):T,s=e=>n({depth:e>0?String(e):`all`},{replace:!0}),{data:l,error:u,loading:d}=f(x,{key:e,depth:a>0?a:null}),g=l?.asset.__typename===`Asset`?l.asset:null,_=(0,m.useMemo)(()=>!g||g.upstream.__typename!==`AssetLineage`||g.downstream.__typename!==`AssetLineage`?null:v(g.upstream.nodes,g.downstream.nodes),[g]);return(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(`h2`,{children:`Lineage`}),(0,h.jsxs)(`div`,{className:`filters`,children:[(0,h.jsxs)(`label`,{children:[`depth`,` `,(0,h.jsxs)(`select`,{"aria-label":`Lineage depth`,value:a,onChange:e=>s(Number(e.target.value)),children:[[1,2,3,5,10].map(e=>(0,h.jsx)(`option`,{value:e,children:e},e)),(0,h.jsx)(`option`,{value:0,children:`all`})]})]}),(0,h.jsx)(`span`,{className:`muted`,children:`upstream and downstream`})]}),(0,h.jsx)(o,{error:u,loading:d&&!l}),g?.upstream.__typename!==`AssetLineage`&&g&&(0,h.jsx)(r,{result:g.upstream}),_&&(0,h.jsx)(p,{graph:_,root:e})]})}function D({assetKey:e,version:t}){let[n,r]=(0,m.useState)([]),[s,c]=(0,m.useState)(null),[l,u]=(0,m.useState)(null),{data:d,error:p,loading:v}=f(b,{key:e,cursor:s});(0,m.useEffect)(()=>{r([]),c(null)},[e,t]);let y=d?.asset.__typename===`Asset`?d.asset.materializations:null;(0,m.useEffect)(()=>{y?.__typename===`AssetMaterializationConnection`&&(r(e=>s===null?[y.nodes]:[...e,y.nodes]),u(y.hasMore?y.cursor??null:null))},[y,s]);let x=n.flat(),S=_(x);return(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(`h2`,{children:`History`}),(0,h.jsx)(o,{error:p,loading:v&&!d}),S.length>0&&(0,h.jsx)(`div`,{className:`charts`,children:S.map(([e,t])=>(0,h.jsx)(g,{label:e,points:t},e))}),(0,h.jsxs)(`table`,{className:`grid materializations`,"data-testid":`history`,children:[(0,h.jsx)(`thead`,{children:(0,h.jsxs)(`tr`,{children:[(0,h.jsx)(`th`,{children:`When`}),(0,h.jsx)(`th`,{children:`Partition`}),(0,h.jsx)(`th`,{children:`Run`}),(0,h.jsx)(`th`,{children:`Step`}),(0,h.jsx)(`th`,{children:`Metadata`})]})}),(0,h.jsx)(`tbody`,{children:x.map(e=>(0,h.jsxs)(`tr`,{children:[(0,h.jsx)(`td`,{children:i(e.timestamp)}),(0,h.jsx)(`td`,{children:e.partition??``}),(0,h.jsx)(`td`,{children:(0,h.jsx)(a,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)})}),(0,h.jsx)(`td`,{className:`mono`,children:e.stepKey}),(0,h.jsx)(`td`,{className:`mono`,children:Object.entries(e.metadata??{}).map(([e,t])=>`${e}=${JSON.stringify(t)}`).join(`, `)})]},e.cursor))})]}),l&&(0,h.jsx)(`button`,{onClick:()=>c(l),children:`Older`})]})}function O({assetKey:e,onWiped:t}){let[n,r]=(0,m.useState)(!1),[i,a]=(0,m.useState)(null);async function o(){try{let n=(await s(S,{key:e})).wipeAsset;n.__typename===`WipeAssetSuccess`?(r(!1),t()):a(n.message)}catch(e){a(e.message)}}return(0,h.jsxs)(`div`,{className:`actions wipe`,children:[n?(0,h.jsxs)(h.Fragment,{children:[(0,h.jsxs)(`span`,{children:[`Remove every materialization of `,e,` from the catalog? The event log keeps them.`]}),(0,h.jsxs)(`button`,{className:`danger`,onClick:()=>void o(),children:[`Wipe `,e]}),(0,h.jsx)(`button`,{onClick:()=>r(!1),children:`Keep`})]}):(0,h.jsx)(`button`,{onClick:()=>r(!0),children:`Wipe materializations…`}),i&&(0,h.jsx)(d,{title:i})]})}export{C as default};