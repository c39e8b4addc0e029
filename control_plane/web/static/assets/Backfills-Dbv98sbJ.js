import{a as e,c as t,d as n,i as r,n as i,o as a,u as o}from"./index-UtIBear6.js";import{t as s}from"./Progress-BaHL57tI.js";import{t as c}from"./jsx-runtime-CYb7M32Z.js";var l=c(),u=i(`
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
`);function d(){let{data:i,error:c,loading:d}=o(u,{},{pollMs:2e3}),f=i?.backfills;return(0,l.jsxs)(`section`,{children:[(0,l.jsx)(`h1`,{children:`Backfills`}),(0,l.jsx)(r,{error:c,loading:d&&!i}),f&&f.__typename!==`BackfillConnection`&&(0,l.jsx)(e,{result:f}),f?.__typename===`BackfillConnection`&&(0,l.jsxs)(`table`,{className:`grid backfills`,children:[(0,l.jsx)(`thead`,{children:(0,l.jsxs)(`tr`,{children:[(0,l.jsx)(`th`,{children:`Backfill`}),(0,l.jsx)(`th`,{children:`Status`}),(0,l.jsx)(`th`,{children:`Partition set`}),(0,l.jsx)(`th`,{children:`Progress`}),(0,l.jsx)(`th`,{children:`Created`})]})}),(0,l.jsx)(`tbody`,{children:f.nodes.map(e=>(0,l.jsxs)(`tr`,{"data-backfill-id":e.backfillId,children:[(0,l.jsxs)(`td`,{children:[(0,l.jsx)(n,{className:`mono`,to:`/backfills/${e.backfillId}`,children:e.backfillId}),e.fromFailure&&(0,l.jsx)(`span`,{className:`tag`,children:`from failure`})]}),(0,l.jsx)(`td`,{children:(0,l.jsx)(a,{status:e.progress.state})}),(0,l.jsx)(`td`,{children:(0,l.jsx)(n,{to:`/partitions/${encodeURIComponent(e.partitionSet)}`,children:e.partitionSet})}),(0,l.jsx)(`td`,{children:(0,l.jsx)(s,{progress:e.progress})}),(0,l.jsx)(`td`,{children:t(e.createdAt)})]},e.backfillId))})]})]})}export{d as default};