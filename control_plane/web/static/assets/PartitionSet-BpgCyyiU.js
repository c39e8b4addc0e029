import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{l as t,t as n}from"./jsx-runtime-CYb7M32Z.js";import{a as r,f as i,i as a,l as o,n as s,o as c,p as l,r as u,s as d,t as f,u as p}from"./index-Dbejg1Zm.js";import{t as m}from"./queries-DqKTffBn.js";import{t as h}from"./Progress-BaHL57tI.js";import{t as g}from"./esm-Ce9BApxM.js";var _=e(t(),1),v=n(),y=22,b=30,x=96,S=250;function C({solids:e,rows:t,selected:n,open:r,onPress:i,onDragTo:a,onRelease:o,onOpen:s}){let c=(0,_.useRef)(null),l=g({count:t.length,getScrollElement:()=>c.current,estimateSize:()=>y,overscan:15}),u=g({horizontal:!0,count:e.length,getScrollElement:()=>c.current,estimateSize:()=>x,overscan:3});(0,_.useEffect)(()=>(window.addEventListener(`mouseup`,o),()=>window.removeEventListener(`mouseup`,o)),[o]);let d=S+u.getTotalSize(),f=u.getVirtualItems();return(0,v.jsxs)(`div`,{className:`matrix`,ref:c,"data-testid":`matrix`,children:[(0,v.jsxs)(`div`,{className:`matrix-header`,style:{width:d,height:b},children:[(0,v.jsx)(`div`,{className:`matrix-left matrix-corner`,style:{width:S},children:`Partition · run`}),f.map(t=>(0,v.jsx)(`div`,{className:`matrix-solid`,title:e[t.index],style:{left:S+t.start,width:x},children:e[t.index]},t.key))]}),(0,v.jsx)(`div`,{style:{height:l.getTotalSize(),width:d,position:`relative`},children:l.getVirtualItems().map(o=>{let c=t[o.index],l=n.has(c.partition);return(0,v.jsxs)(`div`,{className:`matrix-row${l?` selected`:``}${r===c.partition?` open`:``}`,"data-partition":c.partition,style:{top:o.start,height:y,width:d},onMouseEnter:()=>a(o.index),children:[(0,v.jsxs)(`div`,{className:`matrix-left`,style:{width:S},children:[(0,v.jsx)(`span`,{className:`matrix-select`,role:`checkbox`,"aria-checked":l,"aria-label":`select ${c.partition}`,onMouseDown:e=>{e.preventDefault(),i(o.index,e.shiftKey)},children:l?`☑`:`☐`}),(0,v.jsx)(`button`,{className:`link matrix-name`,onClick:()=>s(c.partition),children:c.partition}),(0,v.jsx)(`span`,{className:`run-dot status-${(c.runStatus??`none`).toLowerCase()}`,"data-run-status":c.runStatus??``,children:c.runStatus??`no run`})]}),f.map(t=>{let n=c.statuses[t.index];return(0,v.jsx)(`div`,{className:`cell cell-${n}`,"data-solid":e[t.index],"data-status":n,title:`${e[t.index]} · ${c.partition}: ${n}`,style:{left:S+t.start,width:94},onClick:()=>s(c.partition)},t.key)})]},o.key)})})]})}var w={S:`SUCCESS`,F:`FAILURE`,K:`SKIPPED`,I:`IN_PROGRESS`,R:`UP_FOR_RETRY`,M:`MISSING`},T={Q:`QUEUED`,T:`STARTING`,I:`STARTED`,S:`SUCCESS`,F:`FAILURE`,G:`CANCELING`,C:`CANCELED`,"-":null};function E(e){let t=e.solids.length;return e.partitions.map((n,r)=>{let i=Array(t);for(let n=0;n<t;n++)i[n]=w[e.cells[r*t+n]];return{partition:n,statuses:i,runId:e.runIds[r],runStatus:T[e.runStatuses[r]]}})}function D(e,t,n){let[r,i]=t<=n?[t,n]:[n,t];return e.slice(Math.max(0,r),i+1)}function O(e,t){let n=e.trim();if(!n)return`type a partition or a range such as first...last`;let r=n.split(`...`).map(e=>e.trim());if(r.length>2)return`"${n}" has more than one "..."`;let i=r.map(e=>t.indexOf(e)),a=r.filter((e,t)=>i[t]<0);return a.length?`no partition ${a.map(e=>`"${e}"`).join(` or `)}`:i.length===2&&i[0]>i[1]?`"${r[1]}" comes before "${r[0]}"`:D(t,i[0],i[i.length-1])}function k(e){return e.runStatus===`FAILURE`||e.statuses.some(e=>e===`FAILURE`||e===`MISSING`)}function A(e,t,n){let r=0;for(let i of e)t.has(i.partition)&&!(n&&i.runStatus===`SUCCESS`)&&r++;return r}function j(e,t){if(t.size===e.length)return{all:!0};let n=e.flatMap((e,n)=>t.has(e)?[n]:[]),r=n[0],i=n[n.length-1];return i-r+1===n.length?{fromPartition:e[r],toPartition:e[i]}:{partitions:n.map(t=>e[t])}}function M(e){let t=[];for(let n of e.split(`,`).map(e=>e.trim()).filter(Boolean)){let e=n.indexOf(`=`);if(e<=0)return`"${n}" is not key=value`;t.push({key:n.slice(0,e).trim(),value:n.slice(e+1).trim()})}return t}var N=f(`
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
`),P=f(`
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
`),F=f(`
  mutation LaunchBackfill(
    $partitionSet: String!
    $partitions: [String!]
    $fromPartition: String
    $toPartition: String
    $all: Boolean!
    $fromFailure: Boolean!
    $tags: [TagInput!]
  ) {
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
`),I=1e3;function L(){let{name:e=``}=i(),[t,n]=l(),a=t.get(`backfill`),o=u(m,{id:a??``,withPartitions:!1},{pollMs:I,skip:!a}),s=o.data?.backfill.__typename===`Backfill`?o.data.backfill:null,f=!!a&&!s?.progress.finished,{data:g,error:y,loading:b,refetch:x}=u(N,{name:e},{pollMs:f?I:void 0}),[S,C]=(0,_.useState)(null);a&&s?.progress.finished&&S!==a&&(C(a),x());let w=g?.partitionSet,T=w?.__typename===`PartitionSet`&&w.statusMatrix.__typename===`StatusMatrix`?w.statusMatrix:null,D=(0,_.useMemo)(()=>T?E(T):[],[T]);return(0,v.jsxs)(`section`,{className:`partition-set-page`,children:[(0,v.jsx)(r,{error:y,loading:b&&!g}),w&&w.__typename!==`PartitionSet`&&(0,v.jsx)(c,{result:w}),w?.__typename===`PartitionSet`&&(0,v.jsxs)(v.Fragment,{children:[(0,v.jsxs)(`h1`,{children:[`Partitions of `,(0,v.jsx)(`span`,{className:`mono`,children:w.name})]}),(0,v.jsxs)(`p`,{className:`muted`,children:[w.description,` Pipeline`,` `,(0,v.jsx)(p,{to:`/locations/${encodeURIComponent(w.location)}/pipelines/${encodeURIComponent(w.pipelineName)}`,children:w.pipelineName}),` `,`@ `,w.location,`, mode `,w.mode,`.`]}),s&&(0,v.jsxs)(`div`,{className:`followed`,"data-testid":`followed-backfill`,children:[`Backfill`,` `,(0,v.jsx)(p,{className:`mono`,to:`/backfills/${s.backfillId}`,children:s.backfillId}),` `,(0,v.jsx)(d,{status:s.status}),(0,v.jsx)(h,{progress:s.progress}),(0,v.jsx)(`button`,{className:`link`,onClick:()=>n({}),children:`stop following`})]}),w.statusMatrix.__typename===`StatusMatrix`?(0,v.jsx)(R,{partitionSet:w.name,solids:w.statusMatrix.solids,rows:D,onLaunched:e=>n({backfill:e})}):(0,v.jsx)(c,{result:w.statusMatrix})]})]})}function R(e){let{partitionSet:t,solids:n,rows:r}=e,[i,a]=(0,_.useState)(!1),[o,s]=(0,_.useState)(new Set),[c,l]=(0,_.useState)(null),u=(0,_.useMemo)(()=>i?r.filter(k):r,[r,i]),d=(0,_.useMemo)(()=>r.map(e=>e.partition),[r]),f=(0,_.useMemo)(()=>u.map(e=>e.partition),[u]),p=(0,_.useRef)(null),m=(0,_.useRef)(null),h=(0,_.useCallback)((e,t)=>{let n=t&&m.current!==null?m.current:e,r=t||!o.has(f[e]);p.current={anchor:n,base:new Set(o),adding:r},t||(m.current=e),s(z(p.current,e,f))},[o,f]),g=(0,_.useCallback)(e=>{p.current&&s(z(p.current,e,f))},[f]),y=(0,_.useCallback)(()=>{p.current=null},[]);return(0,v.jsxs)(`div`,{className:`partitions-tab`,children:[(0,v.jsxs)(`div`,{className:`matrix-column`,children:[(0,v.jsxs)(`div`,{className:`filters`,children:[(0,v.jsxs)(`label`,{children:[(0,v.jsx)(`input`,{type:`checkbox`,checked:i,onChange:e=>a(e.target.checked)}),`only failures and gaps`]}),(0,v.jsxs)(`span`,{className:`muted`,children:[u.length,` of `,r.length,` partitions · `,n.length,` solids`]}),(0,v.jsx)(`span`,{className:`legend`,children:[`SUCCESS`,`FAILURE`,`SKIPPED`,`IN_PROGRESS`,`MISSING`].map(e=>(0,v.jsx)(`span`,{className:`legend-item cell-${e}`,children:e},e))})]}),(0,v.jsx)(C,{solids:n,rows:u,selected:o,open:c,onPress:h,onDragTo:g,onRelease:y,onOpen:l})]}),(0,v.jsxs)(`aside`,{className:`side`,children:[(0,v.jsx)(B,{partitionSet:t,names:d,rows:r,selected:o,setSelected:s,onLaunched:e.onLaunched}),c&&(0,v.jsx)(V,{partitionSet:t,partition:c})]})]})}function z(e,t,n){let r=new Set(e.base);for(let i of D(n,e.anchor,t))e.adding?r.add(i):r.delete(i);return r}function B(e){let{partitionSet:t,names:n,rows:r,selected:i,setSelected:o}=e,[c,l]=(0,_.useState)(``),[u,d]=(0,_.useState)(!1),[f,p]=(0,_.useState)(``),[m,h]=(0,_.useState)(null),[g,y]=(0,_.useState)(!1),b=M(f),x=A(r,i,u);function S(){let e=O(c,n);typeof e==`string`?h(e):(h(null),o(new Set(e)))}async function C(){if(typeof b!=`string`){y(!0),h(null);try{let r=j(n,i),a=(await s(F,{partitionSet:t,partitions:r.partitions??null,fromPartition:r.fromPartition??null,toPartition:r.toPartition??null,all:r.all??!1,fromFailure:u,tags:b.length?b:null})).launchBackfill;a.__typename===`LaunchBackfillSuccess`?(o(new Set),e.onLaunched(a.backfill.backfillId)):h(a.message)}catch(e){h(e.message)}finally{y(!1)}}}return(0,v.jsxs)(`div`,{className:`launcher`,"data-testid":`launcher`,children:[(0,v.jsx)(`h2`,{children:`Backfill`}),(0,v.jsxs)(`p`,{children:[(0,v.jsx)(`strong`,{"data-testid":`selected-count`,children:i.size}),` partitions selected (click, shift-click or drag the boxes)`]}),(0,v.jsxs)(`div`,{className:`actions`,children:[(0,v.jsx)(`button`,{onClick:()=>o(new Set(n)),children:`Select all`}),(0,v.jsx)(`button`,{onClick:()=>o(new Set(r.filter(k).map(e=>e.partition))),children:`Failed and missing`}),(0,v.jsx)(`button`,{onClick:()=>o(new Set),children:`Clear`})]}),(0,v.jsxs)(`form`,{className:`actions`,onSubmit:e=>{e.preventDefault(),S()},children:[(0,v.jsx)(`input`,{"aria-label":`Partition range`,placeholder:n.length?`${n[0]}...${n[Math.min(n.length-1,30)]}`:`first...last`,value:c,onChange:e=>l(e.target.value)}),(0,v.jsx)(`button`,{type:`submit`,children:`Select range`})]}),(0,v.jsxs)(`label`,{children:[(0,v.jsx)(`input`,{type:`checkbox`,checked:u,onChange:e=>d(e.target.checked)}),`from failure (re-execute failed runs from their failure; skip partitions whose newest run succeeded)`]}),(0,v.jsx)(`input`,{"aria-label":`Backfill tags`,placeholder:`tags: key=value, key2=value2`,value:f,onChange:e=>p(e.target.value)}),typeof b==`string`&&(0,v.jsx)(a,{title:b}),(0,v.jsxs)(`p`,{"data-testid":`backfill-preview`,children:[`Will create `,x,` run`,x===1?``:`s`,u&&i.size!==x?` (${i.size-x} skipped: their newest run succeeded)`:``]}),(0,v.jsx)(`button`,{className:`primary`,disabled:g||x===0||typeof b==`string`,onClick:()=>void C(),children:`Launch backfill`}),m&&(0,v.jsx)(a,{title:m})]})}function V({partitionSet:e,partition:t}){let{data:n,error:i,loading:a}=u(P,{partitionSet:e,partition:t},{pollMs:3e3}),s=n?.partitionRuns;return(0,v.jsxs)(`div`,{className:`history`,"data-testid":`partition-history`,children:[(0,v.jsxs)(`h2`,{children:[`Runs of `,(0,v.jsx)(`span`,{className:`mono`,children:t})]}),(0,v.jsx)(r,{error:i,loading:a&&!n}),s&&s.__typename!==`RunConnection`&&(0,v.jsx)(c,{result:s}),s?.__typename===`RunConnection`&&(0,v.jsxs)(v.Fragment,{children:[(0,v.jsxs)(`p`,{className:`muted`,children:[s.count,` runs, newest first`]}),(0,v.jsx)(`ol`,{className:`run-history`,children:s.nodes.map(e=>(0,v.jsxs)(`li`,{"data-run-id":e.runId,children:[(0,v.jsx)(d,{status:e.status}),` `,(0,v.jsx)(p,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId.slice(0,8)}),` `,(0,v.jsxs)(`span`,{className:`muted`,children:[o(e.createdAt),e.parentRunId?` · from failure`:``,e.tags.some(e=>e.key===`lodestar/backfill`)?` · backfill ${e.tags.find(e=>e.key===`lodestar/backfill`)?.value}`:``]})]},e.runId))})]})]})}export{L as default};