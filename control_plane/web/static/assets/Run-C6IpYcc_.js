import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{l as t,t as n}from"./jsx-runtime-CYb7M32Z.js";import{a as r,c as i,d as a,f as o,i as s,l as c,n as l,o as u,p as d,r as f,s as p,u as m}from"./index-UtIBear6.js";import{t as h}from"./esm-Ce9BApxM.js";var g=e(t(),1),_=n(),v=22;function y({events:e,complete:t}){let[n,r]=(0,g.useState)(``),[i,a]=(0,g.useState)(``),[o,s]=(0,g.useState)(``),[c,l]=(0,g.useState)(``),u=(0,g.useMemo)(()=>[...new Set(e.map(e=>e.level))].sort(),[e]),d=(0,g.useMemo)(()=>[...new Set(e.map(e=>e.eventType))].sort(),[e]),f=(0,g.useMemo)(()=>{let t=c.trim().toLowerCase(),r=i.trim();return e.filter(e=>(!n||e.level===n)&&(!o||e.eventType===o)&&(!r||(e.stepKey??``).startsWith(r))&&(!t||e.message.toLowerCase().includes(t)||(e.stepKey??``).toLowerCase().includes(t)))},[e,n,o,i,c]),p=(0,g.useRef)(null),m=h({count:f.length,getScrollElement:()=>p.current,estimateSize:()=>v,overscan:30}),y=e[0]?.timestamp??0;return(0,_.jsxs)(`div`,{className:`logs`,children:[(0,_.jsxs)(`div`,{className:`filters`,children:[(0,_.jsxs)(`select`,{"aria-label":`Level`,value:n,onChange:e=>r(e.target.value),children:[(0,_.jsx)(`option`,{value:``,children:`All levels`}),u.map(e=>(0,_.jsx)(`option`,{children:e},e))]}),(0,_.jsxs)(`select`,{"aria-label":`Event type`,value:o,onChange:e=>s(e.target.value),children:[(0,_.jsx)(`option`,{value:``,children:`All event types`}),d.map(e=>(0,_.jsx)(`option`,{children:e},e))]}),(0,_.jsx)(`input`,{"aria-label":`Step`,placeholder:`Step key (prefix)`,value:i,onChange:e=>a(e.target.value)}),(0,_.jsx)(`input`,{"aria-label":`Search logs`,placeholder:`Search messages`,value:c,onChange:e=>l(e.target.value)}),(0,_.jsxs)(`span`,{className:`muted`,children:[f.length,` of `,e.length,` events`,t?``:` (loading…)`]})]}),(0,_.jsx)(`div`,{className:`log-list`,ref:p,"data-testid":`logs`,children:(0,_.jsx)(`div`,{style:{height:m.getTotalSize(),position:`relative`},children:m.getVirtualItems().map(e=>{let t=f[e.index];return(0,_.jsxs)(`div`,{className:`log-row level-${t.level.toLowerCase()}`,style:{transform:`translateY(${e.start}px)`,height:v},children:[(0,_.jsxs)(`span`,{className:`mono log-time`,children:[`+`,(t.timestamp-y).toFixed(3),`s`]}),(0,_.jsx)(`span`,{className:`log-type`,children:t.eventType}),(0,_.jsx)(`span`,{className:`mono log-step`,children:t.stepKey??``}),(0,_.jsx)(`span`,{className:`log-message`,title:t.message,children:t.message})]},t.cursor)})})})]})}var b=l(`
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
    children: runs(filter: { parentRunId: $runId }, limit: 100) {
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
`);l(`
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
`);var x=l(`
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
`),S=l(`
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
`),C=l(`
  mutation ReexecuteRun($runId: String!, $fromFailure: Boolean!, $stepSelection: [String!]) {
    reexecuteRun(runId: $runId, fromFailure: $fromFailure, stepSelection: $stepSelection) {
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
`);function w(e){let t=e.indexOf(`[`);return t<0||!e.endsWith(`]`)?{name:e,keys:[]}:{name:e.slice(0,t),keys:e.slice(t+1,-1).split(`,`)}}function T(e,t,n=5){let r=new Map,i=[];for(let t of e){let{name:e,keys:n}=w(t.stepKey);if(n.length===0){i.push(t);continue}let a=r.get(e);a||(a={steps:[],depth:n.length},r.set(e,a),i.push(e)),a.steps.push(t)}let a=[];for(let e of i){if(typeof e!=`string`){a.push({kind:`step`,step:e,nested:!1});continue}let i=r.get(e);if(i.steps.length<=n){a.push(...i.steps.map(e=>({kind:`step`,step:e,nested:!1})));continue}let o=t.has(e);a.push(E(e,i.steps,i.depth,o)),o&&a.push(...i.steps.map(e=>({kind:`step`,step:e,nested:!0})))}return a}function E(e,t,n,r){let i={},a=null,o=null;for(let e of t)i[e.status]=(i[e.status]??0)+1,e.startTime!=null&&(a===null||e.startTime<a)&&(a=e.startTime),e.endTime!=null&&(o===null||e.endTime>o)&&(o=e.endTime);return{kind:`group`,template:e,selector:`${e}[${Array(n).fill(`*`).join(`,`)}]`,steps:t,counts:i,startTime:a,endTime:o,expanded:r}}var D=24,O=[`FAILURE`,`IN_PROGRESS`,`UP_FOR_RETRY`,`SKIPPED`,`SUCCESS`];function k({steps:e,runStart:t,runEnd:n,selection:r,onToggle:i}){let[a,o]=(0,g.useState)(new Set),s=(0,g.useMemo)(()=>T(e,a),[e,a]),c=(0,g.useRef)(null),l=h({count:s.length,getScrollElement:()=>c.current,estimateSize:()=>D,overscan:20}),d=t??Math.min(...e.map(e=>e.startTime??1/0)),f=Math.max(n??Date.now()/1e3,d+.001),p=f-d,m=(e,t)=>{if(e==null)return null;let n=(e-d)/p*100,r=Math.max(((t??f)-e)/p*100,.3);return{left:`${Math.max(n,0)}%`,width:`${Math.min(r,100)}%`}};return e.length===0?(0,_.jsx)(`p`,{className:`muted`,children:`No step has started yet.`}):(0,_.jsx)(`div`,{className:`timeline`,"data-testid":`timeline`,ref:c,children:(0,_.jsx)(`div`,{style:{height:l.getTotalSize(),position:`relative`},children:l.getVirtualItems().map(e=>{let t=s[e.index];return(0,_.jsxs)(`div`,{className:`timeline-row ${t.kind===`group`?`group-row`:t.nested?`nested-row`:`step-row`}`,"data-step":t.kind===`step`?t.step.stepKey:void 0,"data-template":t.kind===`group`?t.template:void 0,style:{transform:`translateY(${e.start}px)`,height:D},children:[(0,_.jsxs)(`div`,{className:`timeline-label`,children:[t.kind===`group`?(0,_.jsxs)(_.Fragment,{children:[(0,_.jsxs)(`button`,{className:`link expand`,"aria-expanded":t.expanded,onClick:()=>{let e=new Set(a);e.has(t.template)?e.delete(t.template):e.add(t.template),o(e)},children:[t.expanded?`▾`:`▸`,` `,t.selector]}),(0,_.jsxs)(`span`,{className:`counts`,children:[t.steps.length,` steps:`,` `,O.filter(e=>t.counts[e]).map(e=>(0,_.jsxs)(`span`,{className:`count status-${e.toLowerCase()}`,"data-status":e,children:[t.counts[e],` `,e.toLowerCase()]},e))]})]}):(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`input`,{type:`checkbox`,"aria-label":`select ${t.step.stepKey}`,checked:r.has(t.step.stepKey),onChange:()=>i(t.step.stepKey)}),(0,_.jsx)(`span`,{className:`mono step-key`,title:t.step.stepKey,children:t.step.stepKey}),(0,_.jsx)(u,{status:t.step.status})]}),t.kind===`group`&&(0,_.jsx)(`input`,{type:`checkbox`,"aria-label":`select ${t.selector}`,checked:r.has(t.selector),onChange:()=>i(t.selector)})]}),(0,_.jsx)(`div`,{className:`timeline-track`,children:t.kind===`group`?(0,_.jsx)(`div`,{className:`bar bar-group`,style:m(t.startTime,t.endTime)??void 0}):m(t.step.startTime,t.step.endTime)&&(0,_.jsx)(`div`,{className:`bar status-${t.step.status.toLowerCase()}`,style:m(t.step.startTime,t.step.endTime)})})]},A(t))})})})}function A(e){return e.kind===`group`?`group:${e.template}`:e.step.stepKey}var j=5e3,M=1e3;function N(e,t,n){let[r,i]=(0,g.useState)({events:[],complete:!1}),a=(0,g.useRef)({runId:e,cursor:null,events:[]});return(0,g.useEffect)(()=>{if(!n)return;a.current.runId!==e&&(a.current={runId:e,cursor:null,events:[]});let r=a.current,o=!1,s;async function l(){try{let n=(await c(x,{runId:e,afterCursor:r.cursor,limit:j})).runEvents;if(o)return;if(n.__typename!==`RunEventConnection`){i({events:r.events,complete:!0,error:n.message});return}r.cursor=n.cursor??r.cursor,n.events.length&&(r.events=r.events.concat(n.events)),i({events:r.events,complete:!n.hasMore&&!t}),n.hasMore?l():t&&(s=window.setTimeout(()=>void l(),M))}catch(e){if(o)return;i({events:r.events,complete:!1,error:e.message}),s=window.setTimeout(()=>void l(),M*3)}}return l(),()=>{o=!0,window.clearTimeout(s)}},[e,t,n]),r}var P=new Set([`SUCCESS`,`FAILURE`,`CANCELED`]),F=1e3;function I(){let{runId:e=``}=d(),[t,n]=(0,g.useState)(!0),{data:i,error:a,loading:o,refetch:c}=m(b,{runId:e},{pollMs:t?F:void 0}),l=i?.run,u=l?.__typename===`Run`&&P.has(l.status);return u&&t&&n(!1),l?.__typename===`Run`&&!u&&!t&&n(!0),(0,_.jsxs)(`section`,{className:`run-page`,children:[(0,_.jsx)(s,{error:a,loading:o&&!i}),l&&l.__typename!==`Run`&&(0,_.jsx)(r,{result:l}),l?.__typename===`Run`&&(0,_.jsx)(L,{run:l,children:i?.children.__typename===`RunConnection`?i.children:null,live:!u,refetch:c})]})}function L({run:e,children:t,live:n,refetch:r}){let s=o(),[l,d]=(0,g.useState)(new Set),[m,h]=(0,g.useState)(null),[v,b]=(0,g.useState)(!1),x=N(e.runId,n,!0),w=[`QUEUED`,`STARTING`,`STARTED`].includes(e.status),T=e.status===`FAILURE`||e.status===`CANCELED`;async function E(e){b(!0),h(null);try{let t=await e();t&&h(t)}catch(e){h(e.message)}finally{b(!1)}}let D=()=>E(async()=>{let t=(await c(S,{runId:e.runId})).terminateRun;return await r(),t.__typename===`TerminateRunSuccess`?null:t.message}),O=(t,n)=>E(async()=>{let r=(await c(C,{runId:e.runId,fromFailure:t,stepSelection:n})).reexecuteRun;return r.__typename===`LaunchRunSuccess`?(s(`/runs/${r.run.runId}`),null):r.message}),[A,j]=(0,g.useState)(``),M=[...l,...A.split(`,`).map(e=>e.trim()).filter(Boolean)],P=e.tags.find(e=>e.key===`lodestar/partition`)?.value,F=e.endTime??(e.startTime?Date.now()/1e3:null);return(0,_.jsxs)(_.Fragment,{children:[(0,_.jsxs)(`h1`,{children:[`Run `,(0,_.jsx)(`span`,{className:`mono`,children:e.runId}),` `,(0,_.jsx)(u,{status:e.status})]}),(0,_.jsxs)(`dl`,{className:`run-facts`,children:[(0,_.jsx)(`dt`,{children:`Pipeline`}),(0,_.jsxs)(`dd`,{children:[(0,_.jsx)(a,{to:`/locations/${encodeURIComponent(e.location)}/pipelines/${encodeURIComponent(e.pipelineName)}`,children:e.pipelineName}),` `,(0,_.jsxs)(`span`,{className:`muted`,children:[`@ `,e.location,`, mode `,e.mode]})]}),(0,_.jsx)(`dt`,{children:`Started`}),(0,_.jsxs)(`dd`,{children:[i(e.startTime??e.createdAt),` · `,p(e.startTime&&F?F-e.startTime:null)]}),P&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`dt`,{children:`Partition`}),(0,_.jsx)(`dd`,{children:P})]}),e.parentRunId&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`dt`,{children:`Parent run`}),(0,_.jsxs)(`dd`,{children:[(0,_.jsx)(a,{className:`mono`,"data-testid":`parent-run`,to:`/runs/${e.parentRunId}`,children:e.parentRunId}),e.rootRunId&&e.rootRunId!==e.parentRunId&&(0,_.jsxs)(_.Fragment,{children:[` `,`· root`,` `,(0,_.jsx)(a,{className:`mono`,to:`/runs/${e.rootRunId}`,children:e.rootRunId})]})]})]}),t&&t.count>0&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`dt`,{children:`Child runs`}),(0,_.jsxs)(`dd`,{"data-testid":`child-runs`,children:[t.nodes.map(e=>(0,_.jsxs)(`span`,{className:`child-run`,children:[(0,_.jsx)(a,{className:`mono`,to:`/runs/${e.runId}`,children:e.runId}),` `,(0,_.jsx)(u,{status:e.status})]},e.runId)),t.count>t.nodes.length&&(0,_.jsxs)(`span`,{className:`muted`,children:[` and `,t.count-t.nodes.length,` more`]})]})]}),e.stepSelection&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`dt`,{children:`Steps`}),(0,_.jsx)(`dd`,{className:`mono`,children:e.stepSelection.join(`, `)})]}),e.tags.length>0&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`dt`,{children:`Tags`}),(0,_.jsx)(`dd`,{children:e.tags.map(e=>(0,_.jsxs)(`span`,{className:`tag`,children:[e.key,`=`,e.value]},e.key))})]})]}),(0,_.jsxs)(`div`,{className:`actions`,children:[(0,_.jsx)(`button`,{disabled:!w||v,onClick:()=>void D(),children:`Terminate`}),(0,_.jsx)(`button`,{disabled:n||v,onClick:()=>void O(!1,null),children:`Re-execute all`}),(0,_.jsx)(`button`,{disabled:!T||v,onClick:()=>void O(!0,null),children:`Re-execute from failure`}),(0,_.jsx)(`input`,{"aria-label":`Step selection`,placeholder:`more steps, e.g. process_file[*]`,value:A,onChange:e=>j(e.target.value)}),(0,_.jsxs)(`button`,{disabled:n||v||M.length===0,onClick:()=>void O(!1,M),children:[`Re-execute selected (`,M.length,`)`]})]}),m&&(0,_.jsx)(f,{title:m}),(0,_.jsx)(`h2`,{children:`Timeline`}),(0,_.jsx)(k,{steps:e.stepStats,runStart:e.startTime??null,runEnd:e.endTime??null,selection:l,onToggle:e=>{let t=new Set(l);t.has(e)?t.delete(e):t.add(e),d(t)}}),e.stepFailures.length>0&&(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(`h2`,{children:`Step failures`}),e.stepFailures.map(t=>(0,_.jsxs)(`details`,{className:`failure`,open:e.stepFailures.length<=3,"data-step":t.stepKey,children:[(0,_.jsxs)(`summary`,{children:[(0,_.jsx)(`span`,{className:`mono`,children:t.stepKey}),` `,t.eventType===`STEP_UP_FOR_RETRY`?`(retried)`:``,` `,t.error?`${t.error.className}: ${t.error.message}`:t.message]}),t.error?.stack&&(0,_.jsx)(`pre`,{className:`stack`,children:t.error.stack}),t.error?.cause&&(0,_.jsx)(`pre`,{className:`stack`,children:t.error.cause})]},t.cursor))]}),(0,_.jsx)(`h2`,{children:`Logs`}),x.error&&(0,_.jsx)(f,{title:x.error}),(0,_.jsx)(y,{events:x.events,complete:x.complete})]})}export{I as default};