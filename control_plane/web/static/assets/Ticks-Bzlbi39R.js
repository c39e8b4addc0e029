import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{l as t,t as n}from"./jsx-runtime-CYb7M32Z.js";import{a as r,c as i,d as a,l as o,n as s,o as c,r as l}from"./index-UtIBear6.js";var u=e(t(),1);s(`
  fragment TickFields on Tick {
    tickId
    timestamp
    status
    runIds
    skipReason
    error
    cursor
  }
`),s(`
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
`);var d=s(`
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
`),f=s(`
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
`),p=s(`
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
`),m=s(`
  mutation StartSchedule($name: String!) {
    startSchedule(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`),h=s(`
  mutation StopSchedule($name: String!) {
    stopSchedule(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`),g=s(`
  mutation StartSensor($name: String!) {
    startSensor(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`),_=s(`
  mutation StopSensor($name: String!) {
    stopSensor(name: $name) {
      __typename
      ... on Error {
        message
      }
    }
  }
`),v=n();function y(e,t){return`/${e}s/${encodeURIComponent(t)}`}function b({status:e,definitionMissing:t}){return(0,v.jsxs)(`span`,{className:`instigator-state`,children:[(0,v.jsx)(c,{status:e}),t&&(0,v.jsx)(`span`,{className:`status status-failure`,children:`definition missing`})]})}function x({kind:e,name:t,status:n,onChange:r}){let[i,a]=(0,u.useState)(!1),[o,s]=(0,u.useState)(null),c=n===`RUNNING`;async function l(){a(!0),s(null);try{let n=await S(e,t,!c);n&&s(n),await r()}catch(e){s(e.message)}finally{a(!1)}}return(0,v.jsxs)(`span`,{className:`start-stop`,children:[(0,v.jsx)(`button`,{className:c?void 0:`primary`,disabled:i,onClick:()=>void l(),children:c?`Stop ${e}`:`Start ${e}`}),o&&(0,v.jsx)(`span`,{className:`error-text`,children:o})]})}async function S(e,t,n){let r=e===`schedule`?n?(await o(m,{name:t})).startSchedule:(await o(h,{name:t})).stopSchedule:n?(await o(g,{name:t})).startSensor:(await o(_,{name:t})).stopSensor;return`message`in r&&r.message?r.message:null}function C({tick:e}){return(0,v.jsxs)(`span`,{className:`tick-summary`,children:[(0,v.jsx)(c,{status:e.status}),` `,i(e.timestamp),e.runIds.length>0&&(0,v.jsxs)(`span`,{className:`muted`,children:[` · `,e.runIds.length,` runs`]}),e.skipReason&&(0,v.jsxs)(`span`,{className:`muted`,children:[` · `,e.skipReason]})]})}function w({ticks:e,withCursor:t}){return e.length===0?(0,v.jsx)(`p`,{className:`muted`,children:`No ticks yet.`}):(0,v.jsxs)(`table`,{className:`grid ticks`,"data-testid":`ticks`,children:[(0,v.jsx)(`thead`,{children:(0,v.jsxs)(`tr`,{children:[(0,v.jsx)(`th`,{children:`Status`}),(0,v.jsx)(`th`,{children:`Time`}),(0,v.jsx)(`th`,{children:`Runs`}),(0,v.jsx)(`th`,{children:`Skip reason / error`}),t&&(0,v.jsx)(`th`,{children:`Cursor`})]})}),(0,v.jsx)(`tbody`,{children:e.map(e=>(0,v.jsxs)(`tr`,{"data-tick-id":e.tickId,"data-status":e.status,children:[(0,v.jsx)(`td`,{children:(0,v.jsx)(c,{status:e.status})}),(0,v.jsx)(`td`,{children:i(e.timestamp)}),(0,v.jsx)(`td`,{children:e.runIds.map(e=>(0,v.jsx)(a,{className:`mono child-run`,to:`/runs/${e}`,children:e.slice(0,8)},e))}),(0,v.jsxs)(`td`,{children:[e.skipReason&&(0,v.jsx)(`span`,{className:`muted`,children:e.skipReason}),e.error&&(0,v.jsx)(T,{error:e.error})]}),t&&(0,v.jsx)(`td`,{className:`mono`,children:e.cursor??`–`})]},e.tickId))})]})}function T({error:e}){let[t]=e.split(`
`,1);return(0,v.jsxs)(`details`,{className:`tick-error`,children:[(0,v.jsx)(`summary`,{className:`error-text`,children:t}),(0,v.jsx)(`pre`,{className:`stack`,children:e})]})}function E({preview:e}){return e.__typename===`TickPreviews`?(0,v.jsx)(`div`,{className:`previews`,"data-testid":`preview`,children:e.nodes.map((e,t)=>(0,v.jsxs)(`div`,{className:`card`,children:[(0,v.jsxs)(`div`,{className:`card-head`,children:[(0,v.jsx)(`strong`,{children:e.timestamp==null?`Next evaluation`:i(e.timestamp)}),e.runs.length===0&&!e.error&&(0,v.jsx)(`span`,{className:`muted`,children:`requests no run`}),e.skipReason&&(0,v.jsxs)(`span`,{className:`muted`,children:[`skips: `,e.skipReason]}),e.cursor!=null&&(0,v.jsxs)(`span`,{className:`muted`,children:[`new cursor: `,(0,v.jsx)(`code`,{children:e.cursor})]})]}),e.error&&(0,v.jsx)(l,{title:`The evaluation failed`,children:(0,v.jsx)(`pre`,{className:`stack`,children:e.error})}),e.runs.map((e,t)=>(0,v.jsxs)(`div`,{className:`requested-run`,children:[e.runKey&&(0,v.jsxs)(`div`,{children:[`run key `,(0,v.jsx)(`code`,{children:e.runKey})]}),(0,v.jsx)(`div`,{children:e.tags.map(e=>(0,v.jsxs)(`span`,{className:`tag`,children:[e.key,`=`,e.value]},e.key))}),(0,v.jsx)(`pre`,{className:`code`,children:JSON.stringify(e.runConfig,null,2)})]},e.runKey??t))]},t))}):(0,v.jsx)(r,{result:e})}export{w as a,f as c,C as i,p as l,E as n,y as o,x as r,d as s,b as t};