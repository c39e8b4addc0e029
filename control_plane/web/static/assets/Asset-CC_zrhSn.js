import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{l as t,t as n}from"./jsx-runtime-CYb7M32Z.js";import{a as r,f as i,i as a,l as o,n as s,o as c,r as l,t as u,u as d}from"./index-BO5G2ey4.js";import{t as f}from"./LineageGraph-kvy4vvLZ.js";var p=e(t(),1),m=n();function h({label:e,points:t}){if(t.length===0)return null;let n=t.map(e=>e.t),r=t.map(e=>e.v),[i,a]=[Math.min(...n),Math.max(...n)],[o,s]=[Math.min(...r),Math.max(...r)],c=e=>a===i?140:4+(e-i)/(a-i)*272,l=e=>s===o?35:66-(e-o)/(s-o)*62,u=[...t].sort((e,t)=>e.t-t.t);return(0,m.jsxs)(`figure`,{className:`chart`,"data-metadata":e,children:[(0,m.jsxs)(`figcaption`,{children:[e,` `,(0,m.jsx)(`span`,{className:`muted`,children:o===s?o:`${o} – ${s}`})]}),(0,m.jsxs)(`svg`,{width:280,height:70,children:[(0,m.jsx)(`polyline`,{points:u.map(e=>`${c(e.t)},${l(e.v)}`).join(` `)}),u.map((e,t)=>(0,m.jsx)(`circle`,{cx:c(e.t),cy:l(e.v),r:2.5,children:(0,m.jsx)(`title`,{children:`${new Date(e.t*1e3).toLocaleString()}: ${e.v}`})},t))]})]})}function g(e){let t=new Map,n=new Set;for(let r of e){let e=r.metadata??{};for(let[i,a]of Object.entries(e))typeof a==`number`?t.set(i,[...t.get(i)??[],{t:r.timestamp,v:a}]):n.add(i)}return[...t.entries()].filter(([e])=>!n.has(e))}function _(e,t){let n=new Map,r=new Map,i=(e,t)=>{for(let i of e){let e=i.key.key,a=n.get(e),o=i.depth===0?0:t*i.depth;if(!a||Math.abs(o)<Math.abs(a.depth)?n.set(e,{key:e,depth:o,truncated:i.truncated||(a?.truncated??!1)}):i.truncated&&(a.truncated=!0),i.above){let n=t<0?{from:e,to:i.above.key}:{from:i.above.key,to:e};r.set(`${n.from}\u0000${n.to}`,n)}}};return i(e,-1),i(t,1),{nodes:[...n.values()],edges:[...r.values()]}}u(`
  fragment MaterializationFields on AssetMaterialization {
    cursor
    runId
    stepKey
    timestamp
    partition
    description
    metadata
  }
`);var v=u(`
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
`),y=u(`
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
`),b=u(`
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
`),x=u(`
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
`);function S(){let e=i()[`*`]??``,{data:t,error:n,loading:a,refetch:s}=l(v,{key:e}),u=t?.asset;return(0,m.jsxs)(`section`,{className:`asset-page`,children:[(0,m.jsx)(r,{error:n,loading:a&&!t}),u&&u.__typename!==`Asset`&&(0,m.jsx)(c,{result:u}),u?.__typename===`Asset`&&(0,m.jsxs)(m.Fragment,{children:[(0,m.jsxs)(`h1`,{children:[(0,m.jsx)(d,{to:`/catalog`,children:`Assets`}),` / `,(0,m.jsx)(`span`,{className:`mono`,children:u.key.key})]}),(0,m.jsxs)(`dl`,{className:`run-facts`,children:[(0,m.jsx)(`dt`,{children:`Materializations`}),(0,m.jsx)(`dd`,{"data-testid":`materialization-count`,children:u.materializationCount}),(0,m.jsx)(`dt`,{children:`Defined by`}),(0,m.jsx)(`dd`,{children:u.definedBy.length===0?`no loaded code location`:u.definedBy.map(e=>(0,m.jsxs)(`span`,{className:`tag`,children:[(0,m.jsx)(d,{to:`/locations/${encodeURIComponent(e.location)}/pipelines/${encodeURIComponent(e.pipeline)}`,children:e.pipeline}),` `,e.solid,`.`,e.output]},`${e.location}/${e.pipeline}/${e.solid}/${e.output}`))}),u.wipedAt&&(0,m.jsxs)(m.Fragment,{children:[(0,m.jsx)(`dt`,{children:`Wiped`}),(0,m.jsx)(`dd`,{children:o(u.wipedAt)})]}),(0,m.jsx)(`dt`,{children:`Latest`}),(0,m.jsx)(`dd`,{"data-testid":`latest-materialization`,children:u.latestMaterialization?(0,m.jsx)(C,{m:u.latestMaterialization}):(0,m.jsx)(`span`,{className:`muted`,children:`never materialized`})})]}),(0,m.jsx)(w,{assetKey:e}),(0,m.jsx)(T,{assetKey:e,version:u.materializationCount}),(0,m.jsx)(E,{assetKey:e,onWiped:()=>void s()})]})]})}function C({m:e}){return(0,m.jsxs)(m.Fragment,{children:[o(e.timestamp),` · run`,` `,(0,m.jsx)(d,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)}),` `,`· step `,(0,m.jsx)(`span`,{className:`mono`,children:e.stepKey}),e.partition?` · partition ${e.partition}`:``]})}function w({assetKey:e}){let[t,n]=(0,p.useState)(2),{data:i,error:a,loading:o}=l(b,{key:e,depth:t>0?t:null}),s=i?.asset.__typename===`Asset`?i.asset:null,u=(0,p.useMemo)(()=>!s||s.upstream.__typename!==`AssetLineage`||s.downstream.__typename!==`AssetLineage`?null:_(s.upstream.nodes,s.downstream.nodes),[s]);return(0,m.jsxs)(m.Fragment,{children:[(0,m.jsx)(`h2`,{children:`Lineage`}),(0,m.jsxs)(`div`,{className:`filters`,children:[(0,m.jsxs)(`label`,{children:[`depth`,` `,(0,m.jsxs)(`select`,{"aria-label":`Lineage depth`,value:t,onChange:e=>n(Number(e.target.value)),children:[[1,2,3,5,10].map(e=>(0,m.jsx)(`option`,{value:e,children:e},e)),(0,m.jsx)(`option`,{value:0,children:`all`})]})]}),(0,m.jsx)(`span`,{className:`muted`,children:`upstream and downstream`})]}),(0,m.jsx)(r,{error:a,loading:o&&!i}),s?.upstream.__typename!==`AssetLineage`&&s&&(0,m.jsx)(c,{result:s.upstream}),u&&(0,m.jsx)(f,{graph:u,root:e})]})}function T({assetKey:e,version:t}){let[n,i]=(0,p.useState)([]),[a,s]=(0,p.useState)(null),[c,u]=(0,p.useState)(null),{data:f,error:_,loading:v}=l(y,{key:e,cursor:a});(0,p.useEffect)(()=>{i([]),s(null)},[e,t]);let b=f?.asset.__typename===`Asset`?f.asset.materializations:null;(0,p.useEffect)(()=>{b?.__typename===`AssetMaterializationConnection`&&(i(e=>a===null?[b.nodes]:[...e,b.nodes]),u(b.hasMore?b.cursor??null:null))},[b,a]);let x=n.flat(),S=g(x);return(0,m.jsxs)(m.Fragment,{children:[(0,m.jsx)(`h2`,{children:`History`}),(0,m.jsx)(r,{error:_,loading:v&&!f}),S.length>0&&(0,m.jsx)(`div`,{className:`charts`,children:S.map(([e,t])=>(0,m.jsx)(h,{label:e,points:t},e))}),(0,m.jsxs)(`table`,{className:`grid materializations`,"data-testid":`history`,children:[(0,m.jsx)(`thead`,{children:(0,m.jsxs)(`tr`,{children:[(0,m.jsx)(`th`,{children:`When`}),(0,m.jsx)(`th`,{children:`Partition`}),(0,m.jsx)(`th`,{children:`Run`}),(0,m.jsx)(`th`,{children:`Step`}),(0,m.jsx)(`th`,{children:`Metadata`})]})}),(0,m.jsx)(`tbody`,{children:x.map(e=>(0,m.jsxs)(`tr`,{children:[(0,m.jsx)(`td`,{children:o(e.timestamp)}),(0,m.jsx)(`td`,{children:e.partition??``}),(0,m.jsx)(`td`,{children:(0,m.jsx)(d,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)})}),(0,m.jsx)(`td`,{className:`mono`,children:e.stepKey}),(0,m.jsx)(`td`,{className:`mono`,children:Object.entries(e.metadata??{}).map(([e,t])=>`${e}=${JSON.stringify(t)}`).join(`, `)})]},e.cursor))})]}),c&&(0,m.jsx)(`button`,{onClick:()=>s(c),children:`Older`})]})}function E({assetKey:e,onWiped:t}){let[n,r]=(0,p.useState)(!1),[i,o]=(0,p.useState)(null);async function c(){try{let n=(await s(x,{key:e})).wipeAsset;n.__typename===`WipeAssetSuccess`?(r(!1),t()):o(n.message)}catch(e){o(e.message)}}return(0,m.jsxs)(`div`,{className:`actions wipe`,children:[n?(0,m.jsxs)(m.Fragment,{children:[(0,m.jsxs)(`span`,{children:[`Remove every materialization of `,e,` from the catalog? The event log keeps them.`]}),(0,m.jsxs)(`button`,{className:`danger`,onClick:()=>void c(),children:[`Wipe `,e]}),(0,m.jsx)(`button`,{onClick:()=>r(!1),children:`Keep`})]}):(0,m.jsx)(`button`,{onClick:()=>r(!0),children:`Wipe materializations…`}),i&&(0,m.jsx)(a,{title:i})]})}export{S as default};