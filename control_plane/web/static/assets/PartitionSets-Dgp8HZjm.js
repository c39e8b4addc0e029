import{a as e,d as t,i as n,n as r,u as i}from"./index-UtIBear6.js";import{t as a}from"./jsx-runtime-CYb7M32Z.js";var o=a(),s=r(`
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
`);function c(){let{data:r,error:a,loading:c}=i(s,{}),l=r?.partitionSets,u=new Map;if(l?.__typename===`PartitionSetConnection`)for(let e of l.nodes){let t=`${e.location}\u0000${e.pipelineName}`;u.has(t)||u.set(t,{location:e.location,pipeline:e.pipelineName,sets:[]}),u.get(t).sets.push(e)}return(0,o.jsxs)(`section`,{children:[(0,o.jsx)(`h1`,{children:`Partition sets`}),(0,o.jsx)(n,{error:a,loading:c&&!r}),l&&l.__typename!==`PartitionSetConnection`&&(0,o.jsx)(e,{result:l}),l?.__typename===`PartitionSetConnection`&&u.size===0&&(0,o.jsx)(`p`,{className:`muted`,children:`No loaded code location defines a partition set.`}),[...u.values()].map(e=>(0,o.jsxs)(`div`,{className:`card`,"data-pipeline":e.pipeline,children:[(0,o.jsxs)(`h2`,{children:[(0,o.jsx)(t,{to:`/locations/${encodeURIComponent(e.location)}/pipelines/${encodeURIComponent(e.pipeline)}`,children:e.pipeline}),` `,(0,o.jsxs)(`span`,{className:`muted`,children:[`@ `,e.location]})]}),(0,o.jsx)(`ul`,{children:e.sets.map(e=>(0,o.jsxs)(`li`,{children:[(0,o.jsx)(t,{to:`/partitions/${encodeURIComponent(e.name)}`,children:e.name}),` `,(0,o.jsxs)(`span`,{className:`muted`,children:[`mode `,e.mode,e.description?` · ${e.description}`:``]})]},e.name))})]},`${e.location}/${e.pipeline}`))]})}export{c as default};