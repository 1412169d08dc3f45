using SharedChannels.Api;

await SharedChannelsApi.Build(args).RunAsync();
